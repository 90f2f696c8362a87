import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../src/domain/progress';
import type { AppStore } from '../../../src/stores/app-store';
import { AppStoreContext } from '../../../src/ui/common/app-store';
import { SettingsForm } from '../../../src/ui/settings/settings-form';
import { createTestAppStore } from '../../support/test-app-store';

const hourLabel = 'A new day starts at (hour, local time)';

/** The settings form on its page, with a link to another page of the app. */
async function renderSettings(): Promise<AppStore> {
  const store = createTestAppStore();
  await store.getState().init();
  window.history.replaceState(null, '', '/settings');
  render(
    <AppStoreContext.Provider value={store}>
      <BrowserRouter>
        <Link to="/">Decks</Link>
        <Routes>
          <Route path="/" element={<h1>Decks page</h1>} />
          <Route path="/settings" element={<SettingsForm />} />
        </Routes>
      </BrowserRouter>
    </AppStoreContext.Provider>,
  );
  return store;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the settings form', () => {
  it('shows a bad value beside its field and refuses to save it', async () => {
    const store = await renderSettings();
    const hour = screen.getByLabelText(hourLabel);

    await userEvent.clear(hour);
    await userEvent.type(hour, '30');
    expect(hour).toHaveAttribute('aria-invalid', 'true');
    expect(hour).toHaveAccessibleDescription('Enter a whole number from 0 to 23.');

    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Settings were not saved: a value above is not valid.',
    );
    expect(hour).toHaveFocus();
    expect(store.getState().settings.dayStartHour).toBe(defaultSettings.dayStartHour);

    await userEvent.clear(hour);
    await userEvent.type(hour, '5');
    expect(hour).toHaveAttribute('aria-invalid', 'false');
    expect(hour).not.toHaveAccessibleDescription('Enter a whole number from 0 to 23.');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved');
    expect(store.getState().settings.dayStartHour).toBe(5);
  });

  it('marks an emptied field and a fraction as well as a value out of range', async () => {
    await renderSettings();
    const quiz = screen.getByLabelText('Questions per quiz');
    await userEvent.clear(quiz);
    expect(quiz).toHaveAccessibleDescription('Enter a whole number from 5 to 50.');
    await userEvent.type(quiz, '7.5');
    expect(quiz).toHaveAccessibleDescription('Enter a whole number from 5 to 50.');
  });

  it('asks before a link leaves unsaved changes, and stays when told to', async () => {
    await renderSettings();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await userEvent.type(screen.getByLabelText('Questions per quiz'), '0');

    await userEvent.click(screen.getByRole('link', { name: 'Decks' }));
    expect(confirm).toHaveBeenCalledWith('Leave without saving your changes to the settings?');
    expect(screen.getByLabelText('Questions per quiz')).toHaveValue(100);
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    confirm.mockReturnValue(true);
    await userEvent.click(screen.getByRole('link', { name: 'Decks' }));
    await screen.findByRole('heading', { name: 'Decks page' });
  });

  it('lets a link leave at once when nothing is unsaved', async () => {
    await renderSettings();
    const confirm = vi.spyOn(window, 'confirm');
    await userEvent.click(screen.getByRole('link', { name: 'Decks' }));
    await screen.findByRole('heading', { name: 'Decks page' });
    expect(confirm).not.toHaveBeenCalled();
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(false);
  });
});
