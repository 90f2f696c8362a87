import type { PersistenceGrant } from '../stores/progress-slice';
import { BackupSection } from '../ui/backup/backup-section';
import { RepairSection } from '../ui/backup/repair-section';
import { useAppStore } from '../ui/common/app-store';
import { useDocumentTitle } from '../ui/common/use-document-title';
import { SettingsForm } from '../ui/settings/settings-form';
import { SyncSection } from '../ui/sync/sync-section';

const persistenceText: Record<PersistenceGrant, string> = {
  granted: 'Persistent: the browser will not clear your progress to free space.',
  denied:
    'Not persistent: the browser was asked to keep your progress and declined, so it may clear it when space runs low. Export backups now and then.',
  unknown:
    'Not yet persistent: Recallmap asks the browser to keep your progress at your first review.',
  unsupported: 'This browser cannot promise to keep stored data.',
};

/**
 * The first review asks the browser to keep storage, in this tab or another, on this visit or an
 * earlier one; a tab only hears the answer to its own request. Storage that is still not
 * persistent once reviews exist is the browser's no.
 */
function answeredGrant(grant: PersistenceGrant, hasReviews: boolean): PersistenceGrant {
  return grant === 'unknown' && hasReviews ? 'denied' : grant;
}

export default function SettingsPage() {
  useDocumentTitle('Settings');
  const ready = useAppStore((state) => state.ready);
  const persistent = useAppStore((state) => state.persistent);
  const grant = useAppStore((state) => state.persistenceGrant);
  const hasReviews = useAppStore((state) => state.totalReviews > 0);
  return (
    <div className="page narrow">
      <h1>Settings</h1>
      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage</h2>
        {ready && (
          <p>
            {persistent
              ? persistenceText[answeredGrant(grant, hasReviews)]
              : 'Progress is kept in memory only in this browser and will not be saved.'}
          </p>
        )}
      </section>
      {ready && <BackupSection />}
      {ready && <SyncSection />}
      {ready && <RepairSection />}
      {ready && <SettingsForm />}
    </div>
  );
}
