/// <reference lib="dom" />
// The scenario form before and after its elements are defined (they load after the first paint,
// load-form-elements.ts): until then each request waits here, only the latest of each kind kept,
// and they are applied in the order render() makes them (modes, values, then errors).
import type { ScenarioErrorItem, ScenarioJson, ViewMode } from '../shared/debugger-protocol';
import { byId } from './dom';
import { loadFormElements } from './load-form-elements';
import { ScenarioForm } from './scenario-form';

export class DeferredForm {
  private form: ScenarioForm | null = null;
  private loading: Promise<ScenarioForm> | null = null;
  private modes: readonly ViewMode[] | null = null;
  private values: readonly [ScenarioJson, ViewMode] | null = null;
  private errors: readonly ScenarioErrorItem[] | null = null;

  constructor(private readonly onSubmit: (scenario: ScenarioJson, mode: ViewMode) => void) {}

  get loadStarted(): boolean {
    return this.loading !== null;
  }

  /** Loads the form's elements (once) and shows the form with what it was asked to show meanwhile. */
  load(): Promise<ScenarioForm> {
    if (this.loading === null) {
      this.loading = loadFormElements().then(() => {
        const form = new ScenarioForm(this.onSubmit);
        if (this.modes) form.offerModes(this.modes);
        if (this.values) form.setValues(...this.values);
        if (this.errors) form.showErrors(this.errors);
        this.form = form;
        return form;
      });
      // Once, with the load: every later load() returns the same promise.
      this.loading.catch((error: unknown) => console.error('kpr debugger: the scenario form cannot be shown', error));
    }
    return this.loading;
  }

  offerModes(modes: readonly ViewMode[]): void {
    if (this.form) this.form.offerModes(modes);
    else this.modes = modes;
  }

  setValues(scenario: ScenarioJson, mode: ViewMode): void {
    if (this.form) this.form.setValues(scenario, mode);
    else this.values = [scenario, mode];
  }

  showErrors(errors: readonly ScenarioErrorItem[]): void {
    if (this.form) this.form.showErrors(errors);
    else this.errors = errors;
  }

  /** Opens the form at once; the focus goes to the first broken field once the fields exist. */
  focusFirstError(): void {
    byId<HTMLDetailsElement>('scenario-section').open = true;
    void this.load().then((form) => form.focusFirstError());
  }

  /** The scenario as typed (for Save), once the form can be read. */
  async current(): Promise<ScenarioJson | null> {
    return (await this.load()).current();
  }
}
