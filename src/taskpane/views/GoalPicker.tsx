/**
 * A goal picker: a combobox that finds a goal by its ID or a word of its title, each
 * option showing both ("T-SN2 — Reduce time to hire"). Filtering is filterGoals().
 */
import { useMemo, useState } from "react";
import { Combobox, Field, Option } from "@fluentui/react-components";
import { GoalOption, filterGoals } from "../logic/review";

/** At most this many options are listed at once; typing narrows them. */
const SHOWN = 80;

export interface GoalPickerProps {
  label: string;
  goals: readonly GoalOption[];
  /** The chosen goal's ID. */
  value: string;
  onChange: (id: string) => void;
  validationMessage?: string;
  disabled?: boolean;
}

export function GoalPicker({ label, goals, value, onChange, validationMessage, disabled }: GoalPickerProps) {
  // null while the user is not typing: the box shows the chosen goal.
  const [query, setQuery] = useState<string | null>(null);
  const chosen = goals.find((g) => g.id === value) ?? null;
  const matches = useMemo(() => filterGoals(goals, query ?? ""), [goals, query]);
  const shown = matches.slice(0, SHOWN);
  return (
    <Field
      label={label}
      size="small"
      hint="Type an ID or a word of the title."
      validationMessage={validationMessage}
      validationState={validationMessage ? "error" : "none"}
    >
      <Combobox
        size="small"
        disabled={disabled}
        value={query ?? chosen?.text ?? ""}
        selectedOptions={chosen ? [chosen.id] : []}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, d) => {
          // Typing over the chosen goal clears the selection (no optionValue): keep what is typed.
          if (!d.optionValue) return;
          onChange(d.optionValue);
          setQuery(null);
        }}
        onOpenChange={(_, d) => {
          if (!d.open) setQuery(null);
        }}
        freeform={false}
        clearable={false}
        positioning={{ autoSize: "width" }}
      >
        {shown.map((g) => (
          <Option key={g.id} value={g.id} text={g.text}>
            {g.text}
          </Option>
        ))}
        {matches.length === 0 ? (
          <Option key="" value="" text="" disabled>
            No goal matches “{query ?? ""}”
          </Option>
        ) : null}
        {matches.length > shown.length ? (
          <Option key="…more" value="" text="" disabled>
            {`${matches.length - shown.length} more: type more of the ID or title`}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
