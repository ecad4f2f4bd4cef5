import { t } from "../i18n/index.js";

/** A progress line on stderr for batches that take more than a moment: only on a TTY, never with --quiet. */
export function progressBar(lang: () => string, enabled: boolean): { update: (done: number, total: number) => void; clear: () => void } {
  const stream = process.stderr;
  if (!enabled || stream.isTTY !== true) return { update: () => {}, clear: () => {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < 400 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r${t(lang(), "batch.progress")} ${"█".repeat(filled)}${"░".repeat(width - filled)} ${done.toLocaleString("en")} / ${total.toLocaleString("en")} ${t(lang(), "batch.files")}\u001B[K`);
    },
    clear() {
      if (shown) stream.write("\r\u001B[K");
    },
  };
}
