import { parseDescriptionBlocks } from '../../markdown/description-blocks';
import { parseInlineSpans } from '../../markdown/inline-spans';
import { splitAtMask, termMask } from '../../markdown/term-mask';
import { ExternalLink } from './external-link';

/** Renders description markdown as React elements: no HTML string ever reaches the DOM. */
export function MarkdownText({ markdown }: { markdown: string }) {
  return (
    <div className="markdown">
      {parseDescriptionBlocks(markdown).map((block, index) => {
        const key = `${block.kind}-${index}`;
        switch (block.kind) {
          case 'paragraph':
            return (
              <p key={key}>
                <InlineText text={block.text} />
              </p>
            );
          case 'list': {
            const items = block.items.map((item, itemIndex) => (
              // Items have no identity beyond their place in a fixed text.
              // biome-ignore lint/suspicious/noArrayIndexKey: static content, never reordered
              <li key={itemIndex}>
                <InlineText text={item} />
              </li>
            ));
            return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
          case 'code':
            return (
              <pre key={key}>
                <code>{block.code}</code>
              </pre>
            );
        }
        return null;
      })}
    </div>
  );
}

/** One line of inline markdown (a quiz prompt), rendered as a paragraph's text would be. */
export function InlineMarkdown({ text }: { text: string }) {
  return <InlineText text={text} />;
}

/** Plain text (a title, an option) with its blanks shown as blanks and nothing else read. */
export function TextWithBlanks({ text }: { text: string }) {
  return splitAtMask(text).flatMap((piece, index) =>
    // A blank has no identity beyond its place in a fixed text.
    // biome-ignore lint/suspicious/noArrayIndexKey: static content, never reordered
    index === 0 ? [piece] : [<Blank key={index} />, piece],
  );
}

/**
 * A masked term: one element, read by screen readers as "blank" rather than as five underscores
 * (an image role, since a plain span's label is not announced).
 */
function Blank() {
  return (
    <span className="blank" role="img" aria-label="blank">
      {termMask}
    </span>
  );
}

function InlineText({ text }: { text: string }) {
  return parseInlineSpans(text).map((span, index) => {
    const key = `${span.kind}-${index}`;
    switch (span.kind) {
      case 'text':
        return span.text;
      case 'code':
        return <code key={key}>{span.text}</code>;
      case 'strong':
        return <strong key={key}>{span.text}</strong>;
      case 'emphasis':
        return <em key={key}>{span.text}</em>;
      case 'link':
        return (
          <ExternalLink key={key} href={span.url}>
            {span.text}
          </ExternalLink>
        );
      case 'blank':
        return <Blank key={key} />;
    }
    return null;
  });
}
