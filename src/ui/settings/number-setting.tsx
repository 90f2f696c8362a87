/** A number field with its label, and a line saying what it changes where that needs saying. */
export function NumberSetting({
  label,
  min,
  max,
  value,
  onChange,
  hint,
}: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (event: { currentTarget: HTMLInputElement }) => void;
  /** What the setting changes, shown under the field. */
  hint?: string;
}) {
  return (
    <>
      <label>
        {label}
        <input type="number" min={min} max={max} value={value} onChange={onChange} />
      </label>
      {hint && <p className="hint">{hint}</p>}
    </>
  );
}
