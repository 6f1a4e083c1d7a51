/**
 * `/widget.js`: the in-product widget's entry. The build replaces the configuration placeholder
 * with the site's settings. It defines `<help-center>`, adds one to the page unless the page has
 * its own (or the script tag says `data-manual`), and attaches every form marked
 * `data-help-center-deflect` (`data-help-center-subject` names its subject field). Its language:
 * the element's `lang`, else the script's `data-lang`, else the page's `<html lang>` (widget-language.ts).
 * No globals: the host talks to the element (`document.querySelector('help-center').setRoute(...)`).
 */
import { attachDeflection, type AttachFormOptions } from './deflection.ts';
import { defineHelpCenterElement, type HelpCenterWidgetElement } from './help-center-element.ts';
import { WIDGET_CONFIG_PLACEHOLDER, type WidgetConfig } from './widget-config.ts';
import { createWidgetText } from './widget-texts.ts';

const RAW_CONFIG: string = WIDGET_CONFIG_PLACEHOLDER;

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  let config: WidgetConfig;
  try {
    config = JSON.parse(RAW_CONFIG) as WidgetConfig;
  } catch {
    console.error('helpdesk-kit widget: this widget.js was not written by a help center build.');
    return;
  }
  // Served from a preview or another host than site.yaml's url: the files are beside the script.
  if (script?.src) config = { ...config, helpUrl: new URL('./', script.src).href };
  const manual = script?.hasAttribute('data-manual') ?? false;
  const events = config.insightsEndpoint
    ? { endpoint: config.insightsEndpoint, language: config.language, revision: config.revision }
    : undefined;

  defineHelpCenterElement(config, script?.dataset.lang);
  const formSuggestions = createWidgetText(config.texts, config.language).t('widget.formSuggestions');
  const proto = customElements.get('help-center')!.prototype as HelpCenterWidgetElement & {
    attachForm(form: HTMLFormElement, options?: AttachFormOptions): () => void;
  };
  proto.attachForm = function attachForm(this: HelpCenterWidgetElement, form, options = {}) {
    return attachDeflection(this, form, options, events, formSuggestions, config.helpUrl);
  };

  const start = () => {
    let widget = document.querySelector<HelpCenterWidgetElement>('help-center');
    if (!widget && !manual) {
      widget = document.createElement('help-center') as HelpCenterWidgetElement;
      document.body.append(widget);
    }
    if (!widget) return;
    for (const form of document.querySelectorAll<HTMLFormElement>('form[data-help-center-deflect]')) {
      const subject = form.dataset.helpCenterSubject;
      (widget as typeof proto).attachForm(form, subject ? { subject } : {});
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
