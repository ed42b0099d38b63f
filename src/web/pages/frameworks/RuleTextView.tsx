import type { RuleText } from './describe-rule';

/** A rule in words: its sentence, and its parts as a nested list. */
export function RuleTextView({ rule }: { rule: RuleText }) {
  return (
    <>
      <span>{rule.text}</span>
      {rule.items?.length ? (
        <ul style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
          {rule.items.map((item, index) => (
            // Parts have no identity but their place in the rule, which never changes.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>
              <RuleTextView rule={item} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
