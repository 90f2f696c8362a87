import { type ChangeEvent, useId } from 'react';
import './file-picker.css';

interface FilePickerProps {
  /** The input's accessible name, shown as the button's text. */
  readonly label: string;
  readonly accept?: string;
  readonly multiple?: boolean;
  /** Picks a folder, its files with their paths inside it. */
  readonly folder?: boolean;
  readonly disabled?: boolean;
  readonly onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/**
 * A file input shown as one of the app's buttons. The native input stays, visually hidden, so that
 * it keeps its name, its keyboard use and its file dialog; its label is what shows, and a click on
 * the label opens the dialog.
 */
export function FilePicker({
  label,
  accept,
  multiple,
  folder,
  disabled,
  onChange,
}: FilePickerProps) {
  const id = useId();
  return (
    <span className="file-picker">
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={onChange}
        ref={(input) => {
          // No React prop for it: the attribute makes the picker choose a folder.
          if (input && folder) input.webkitdirectory = true;
        }}
      />
      <label htmlFor={id} className="button">
        {label}
      </label>
    </span>
  );
}
