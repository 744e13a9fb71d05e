import { useEffect, useState } from "react";
import { Body1, Spinner, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { describeHost, detectHost } from "./host";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export function App() {
  const styles = useStyles();
  const [hostLine, setHostLine] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    detectHost().then((info) => {
      if (active) setHostLine(describeHost(info));
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <main className={styles.root}>
      <Title2 as="h1">Goal Scorecards</Title2>
      {hostLine === null ? (
        <Spinner size="tiny" label="Connecting to Office…" />
      ) : (
        <Body1 data-testid="host-line">{hostLine}</Body1>
      )}
    </main>
  );
}
