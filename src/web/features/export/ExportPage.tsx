/** Everything the person wrote, to keep: as a JSON file, or as a page to print or save. */
import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/http.ts';
import { Link } from '../../shell/router.tsx';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { t } from '../together/copy.ts';
import '../together/four-tasks.css';
import { copyE } from './copy.ts';

export function ExportPage() {
  const download = useMutation({
    mutationFn: () => call('exportJson'),
    onSuccess: (data) => {
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `mutual-export-${data.exportedAt.slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  });
  return (
    <Page title={copyE.title}>
      <p>
        <Link href="/together">{t.back}</Link>
      </p>
      <p className="lead">{copyE.lead}</p>
      <FormError error={download.error} />
      <div className="actions">
        <Button onPress={() => download.mutate()} busy={download.isPending}>
          {copyE.json}
        </Button>
        <a href="/api/me/export/print" target="_blank" rel="noopener">
          {copyE.print}
        </a>
      </div>
      {download.data ? (
        <p role="status" className="notice notice-success">
          {copyE.ready
            .replace('{n}', String(download.data.messages.length))
            .replace('{r}', String(download.data.reflections.length))
            .replace('{i}', String(download.data.intentions.length))}
        </p>
      ) : null}
    </Page>
  );
}
