/**
 * Settings: the thresholds of scoring.md and smart.md (saved in the workbook's
 * metadata sheet), the name used in the audit log (saved on this computer only)
 * and the as-of date (this session).
 */
import { useEffect, useMemo, useState } from "react";
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { SETTING_FIELDS, SettingKey, SettingsForm, asOfText, fromForm, parseAsOf, toForm } from "../logic/settingsForm";
import { usePane } from "../pane";
import { ViewHeading, useViewStyles } from "./common";
import { usePasswordAction } from "./usePasswordAction";

export function SettingsView() {
  const pane = usePane();
  const styles = useViewStyles();
  const stored = pane.report?.workbook.meta.settings ?? DEFAULT_SETTINGS;
  const problems = pane.report?.workbook.meta.problems ?? [];
  const storedForm = useMemo(() => toForm(stored), [stored]);
  const [form, setForm] = useState<SettingsForm>(storedForm);
  const [errors, setErrors] = useState<Partial<Record<SettingKey, string>>>({});
  const [name, setName] = useState(pane.actor);
  const [asOf, setAsOf] = useState(asOfText(pane.asOf));
  const [asOfError, setAsOfError] = useState<string | null>(null);
  const passwords = usePasswordAction();

  useEffect(() => {
    setForm(storedForm);
    setErrors({});
  }, [storedForm]);

  const dirty = SETTING_FIELDS.some((f) => form[f.key] !== storedForm[f.key]);

  async function save() {
    const r = fromForm(form);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    const settings = r.settings;
    await passwords.act("Saving the settings…", (password) => pane.services.writeSettings(settings, password), {
      doing: "Saving the settings",
      success: () => "Settings saved in this workbook.",
      then: () => pane.refresh(),
    });
  }

  function saveName() {
    const clean = pane.setActor(name);
    setName(clean);
    pane.showNotice({ intent: "success", text: clean === "" ? "Your name was removed from this computer." : `Your name is now “${clean}” for the audit log.` });
  }

  async function applyAsOf() {
    const r = parseAsOf(asOf);
    if (!r.ok) {
      setAsOfError(r.message);
      return;
    }
    setAsOfError(null);
    pane.setAsOf(r.asOf);
    await pane.refresh();
  }

  return (
    <section className={styles.view} data-testid="view-settings" aria-labelledby="settings-heading">
      <ViewHeading id="settings-heading">Settings</ViewHeading>

      <section className={styles.section} aria-labelledby="settings-you">
        <Subtitle2 as="h3" id="settings-you" className={styles.heading}>
          You
        </Subtitle2>
        <Field label="Your name for the audit log" hint="Kept on this computer only. The audit log records it with each review action.">
          <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={100} autoComplete="name" />
        </Field>
        <div>
          <Button onClick={saveName} disabled={name.trim() === pane.actor}>
            Save name
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="settings-asof">
        <Subtitle2 as="h3" id="settings-asof" className={styles.heading}>
          As-of date
        </Subtitle2>
        <Field
          label="Score the goals as of"
          hint="Statuses and expected progress are worked out for this date. Leave it empty for today. While a date is set, select Refresh to update the sheet after edits."
          validationMessage={asOfError ?? undefined}
          validationState={asOfError ? "error" : "none"}
        >
          <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button onClick={() => void applyAsOf()} disabled={pane.busy}>
            Apply date
          </Button>
          {pane.asOf !== null ? (
            <Button
              onClick={() => {
                setAsOf("");
                setAsOfError(null);
                pane.setAsOf(null);
                void pane.refresh();
              }}
              disabled={pane.busy}
            >
              Use today
            </Button>
          ) : null}
        </div>
        <Caption1 className={styles.muted}>{pane.asOf === null ? "Using today's date." : `Using ${asOfText(pane.asOf)}.`}</Caption1>
      </section>

      <section className={styles.section} aria-labelledby="settings-thresholds">
        <Subtitle2 as="h3" id="settings-thresholds" className={styles.heading}>
          Thresholds
        </Subtitle2>
        <Body1>Saved in this workbook, so everyone who opens it scores alike.</Body1>
        {problems.length > 0 ? (
          <MessageBar intent="warning">
            <MessageBarBody>{problems.map((p) => p.message).join(" ")}. Save the settings to correct them.</MessageBarBody>
          </MessageBar>
        ) : null}
        {SETTING_FIELDS.map((f) => (
          <Field
            key={f.key}
            label={f.label}
            hint={`${f.hint} Default ${f.unit === "percent" ? `${Math.round(DEFAULT_SETTINGS[f.key] * 1000) / 10}%` : DEFAULT_SETTINGS[f.key]}.`}
            validationMessage={errors[f.key]}
            validationState={errors[f.key] ? "error" : "none"}
          >
            <Input
              inputMode="decimal"
              value={form[f.key]}
              onChange={(_, d) => setForm({ ...form, [f.key]: d.value })}
              contentAfter={f.unit === "percent" ? "%" : f.unit === "days" ? "days" : undefined}
            />
          </Field>
        ))}
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void save()} disabled={pane.busy || !dirty}>
            Save settings
          </Button>
          <Button onClick={() => setForm(toForm(DEFAULT_SETTINGS))} disabled={pane.busy}>
            Restore defaults
          </Button>
        </div>
      </section>
      {passwords.dialog}
    </section>
  );
}
