import { useEffect, useState } from "react";

const verdicts = ["very weak", "weak", "fair", "strong", "very strong"] as const;
/** The server refuses passwords below this zxcvbn score (docs/architecture.md). */
export const MINIMUM_SCORE = 3;

type Score = 0 | 1 | 2 | 3 | 4;
type Judge = (password: string) => Score;

// zxcvbn and its dictionaries are large: they load on first use, never with the first page.
let judgeLoading: Promise<Judge> | undefined;
function loadJudge(): Promise<Judge> {
  judgeLoading ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(([core, common, en]) => {
    const zxcvbn = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    return (password: string) => zxcvbn.check(password).score;
  });
  return judgeLoading;
}

/** How strong a password is, as the server will judge it (zxcvbn), updated while typing. */
export function PasswordStrength({ password }: { password: string }) {
  const [score, setScore] = useState<Score | undefined>();

  useEffect(() => {
    let current = true;
    if (!password) return;
    void loadJudge().then((judge) => {
      if (current) setScore(judge(password));
    });
    return () => {
      current = false;
    };
  }, [password]);

  if (!password || score === undefined) return null;
  return (
    <div className="password-strength">
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={score}
        aria-label="Password strength"
      />
      <span aria-live="polite">
        Strength: {verdicts[score]}
        {score < MINIMUM_SCORE ? " (too weak to be accepted)" : ""}
      </span>
    </div>
  );
}
