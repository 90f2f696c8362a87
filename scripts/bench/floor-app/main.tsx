import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

// The floor of the cold first-card benchmark: the least a Vite + React app can do to put one
// card and its `Show answer` button on screen. No router, no store, no storage, no data.

function Card() {
  const [shown, setShown] = useState(false);
  return (
    <main>
      <h1>Python asynchronous frameworks</h1>
      <article>
        <p>What does an event loop run between two awaits?</p>
        {shown ? (
          <p>Other ready tasks: each runs until it awaits something that is not ready.</p>
        ) : (
          <button type="button" onClick={() => setShown(true)}>
            Show answer
          </button>
        )}
      </article>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <Card />
  </StrictMode>,
);
