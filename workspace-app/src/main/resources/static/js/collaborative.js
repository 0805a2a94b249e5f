// Progressive enhancement only: every page works without this file.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported');
}
initAll();

// Components in content that htmx swaps in (error summaries, banners) are initialised too; an error summary then
// takes focus, as it does on a full page.
const initSwapped = (event) => {
  const target = event.detail && (event.detail.elt || event.detail.target);
  if (target && target.isConnected) {
    initAll({ scope: target });
  }
};
document.body.addEventListener('htmx:afterSettle', initSwapped);
document.body.addEventListener('htmx:oobAfterSwap', initSwapped);
