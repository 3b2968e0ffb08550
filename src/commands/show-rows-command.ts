/**
 * The ribbon's "Show rows": the rows behind the selected number on a new sheet, through the same
 * use-case as the pane's button (Services.showRows). A function command has no UI of its own, so
 * when Show rows refuses (the selection is not a number PivotDeck can trace, the output is out of
 * date), the pane opens: the pane's Show rows section hears every outcome through
 * Services.onShowRows and shows the message there.
 */
import type { Services } from '../refresh/services';
import type { ShowRowsOutcome } from '../refresh/show-rows';

/** The part of Office's command event a handler uses (structurally excel/commands-host's CommandEvent). */
interface CommandEvent {
  completed(): void;
}

/**
 * Handler for the manifest's `<FunctionName>showRows</FunctionName>`. Always calls
 * `event.completed()`: Office shows a spinner on the button until then and blocks further clicks.
 *
 * @example associateCommand('showRows', showRowsCommand(() => servicesFor(host), { showPane: showTaskpane }));
 */
export function showRowsCommand(
  services: () => Services | Promise<Services>,
  more: { showPane?: () => Promise<unknown>; onOutcome?: (outcome: ShowRowsOutcome) => void } = {},
): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      const outcome = await (await services()).showRows();
      more.onOutcome?.(outcome);
      // The new sheet is the answer when rows were written; a refusal needs words, which the pane has.
      if (outcome.status === 'refused') {
        await more.showPane?.();
        // eslint-disable-next-line no-console -- no UI in a function command: also left in devtools
        console.warn(`PivotDeck: Show rows: ${outcome.message}`);
      }
    } catch (error) {
      // eslint-disable-next-line no-console -- no UI in a function command: devtools is the only outlet
      console.error('PivotDeck: Show rows failed', error);
    } finally {
      event.completed();
    }
  };
}
