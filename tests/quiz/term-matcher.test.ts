import { describe, expect, it } from 'vitest';
import { createTermMatcher } from '../../src/quiz/term-matcher.ts';
import { countTitleWords, titleTerms } from '../../src/quiz/title-terms.ts';

const mask = (title: string, text: string) => createTermMatcher(title).mask(text);

describe('term masking', () => {
  it('ignores case', () => {
    expect(mask('AIOHTTP', 'aiohttp and Aiohttp')).toBe('_____ and _____');
  });

  it('takes plurals, including -es and -ies', () => {
    expect(mask('Task', 'Tasks and tasks')).toBe('_____ and _____');
    expect(mask('Box', 'boxes')).toBe('_____');
    expect(mask('Library', 'libraries')).toBe('_____');
  });

  it('takes spaces, hyphens or nothing between words', () => {
    expect(mask('asyncio', 'asyncio, async io, async-io')).toBe('_____, _____, _____');
    expect(mask('Event loop', 'event-loop, eventloop, event loop')).toBe('_____, _____, _____');
  });

  it('takes the singular of a plural title, but leaves words that only end in s', () => {
    expect(mask('Futures', 'A future is a result; futures are awaitable.')).toBe(
      'A _____ is a result; _____ are awaitable.',
    );
    expect(mask('Libraries', 'A library')).toBe('A _____');
    expect(mask('Processes', 'One process')).toBe('One _____');
    expect(titleTerms('Redis')).toEqual(['Redis']);
    expect(titleTerms('HTTPS')).toEqual(['HTTPS']);
  });

  it('takes a leading dot or its absence', () => {
    expect(mask('.NET', '.NET and NET')).toBe('_____ and _____');
  });

  it("leaves a possessive 's readable", () => {
    expect(mask('Sanic', "Sanic's speed")).toBe("_____'s speed");
    expect(mask('Go', "Go's tooling")).toBe("_____'s tooling");
  });

  it('masks each significant part of a title', () => {
    expect(titleTerms('Uvicorn and ASGI')).toEqual(['Uvicorn and ASGI', 'Uvicorn', 'ASGI']);
    expect(titleTerms('Event loop (asyncio)')).toEqual([
      'Event loop (asyncio)',
      'Event loop',
      'asyncio',
    ]);
    expect(titleTerms('gevent — Official Website')).toContain('gevent');
    expect(mask('Uvicorn and ASGI', 'Uvicorn speaks ASGI.')).toBe('_____ speaks _____.');
  });

  it('does not mask inside unrelated words', () => {
    expect(mask('Rust', 'we trust it')).toBe('we trust it');
    expect(mask('Go', 'Google is a good ago')).toBe('Google is a good ago');
    expect(mask('C', 'C and C++ and Cython')).toBe('_____ and _____++ and Cython');
    expect(mask('Sets', 'assets')).toBe('assets');
  });

  it('masks a whole word a long term starts, since it gives the answer away', () => {
    expect(mask('Python', 'Pythonic code')).toBe('_____ code');
  });

  it('says whether a text mentions a term', () => {
    const matcher = createTermMatcher('Hypercorn');
    expect(matcher.occursIn('Run it under hypercorn.')).toBe(true);
    expect(matcher.occursIn('Run it under uvicorn.')).toBe(false);
  });
});

describe('masking on text written as roadmap.sh writes it', () => {
  it('finds a term split by inline code, emphasis or quotes, and takes the markup with it', () => {
    expect(mask('Head Command', 'The `head` command shows the start of a file.')).toBe(
      'The _____ shows the start of a file.',
    );
    expect(mask('Final Keyword', 'In Java the `final` keyword forbids a new value.')).toBe(
      'In Java the _____ forbids a new value.',
    );
    expect(mask('Big O Notation', '"Big O" notation bounds how work grows.')).toBe(
      '_____ bounds how work grows.',
    );
    expect(mask('Tasks', '*Tasks* wrap coroutines; **tasks** and _tasks_ run soon.')).toBe(
      '_____ wrap coroutines; _____ and _____ run soon.',
    );
    expect(mask('Address Element', 'The `<address>` element holds contact details.')).toBe(
      'The _____ holds contact details.',
    );
  });

  it('masks inside a link label and never inside its destination', () => {
    expect(mask('Node.js', 'Read [Node.js](https://nodejs.org/node.js) docs.')).toBe(
      'Read [_____](https://nodejs.org/node.js) docs.',
    );
  });

  it('looks across the punctuation inside a term', () => {
    expect(mask('set -e', 'Put `set -e` at the top so the script stops at an error.')).toBe(
      'Put _____ at the top so the script stops at an error.',
    );
    expect(mask('git commit --amend', 'Run `git commit --amend` to reword the last commit.')).toBe(
      'Run _____ to reword the last commit.',
    );
    expect(
      mask('if...else', 'An `if...else` picks a branch; if-else chains pick one of many.'),
    ).toBe('An _____ picks a branch; _____ chains pick one of many.');
    expect(mask("Bayes' Theorem", "Bayes' theorem updates a belief. Bayes theorem is old.")).toBe(
      '_____ updates a belief. _____ is old.',
    );
    expect(mask('print_r', 'The print\\_r function dumps a value.')).toBe(
      'The _____ function dumps a value.',
    );
  });

  it('masks a term of symbols only where no other symbol touches it', () => {
    expect(mask('===', 'The `===` operator compares without coercion, unlike `==`.')).toBe(
      'The _____ operator compares without coercion, unlike `==`.',
    );
    expect(mask('$*', 'In a script `$*` joins all arguments, `$@` keeps them apart.')).toBe(
      'In a script _____ joins all arguments, `$@` keeps them apart.',
    );
  });

  it('knows the plurals of acronyms and words that end in -ies, -os, -is or -zes', () => {
    expect(mask('APIs', 'An API is a contract; REST APIs use HTTP.')).toBe(
      'An _____ is a contract; REST _____ use HTTP.',
    );
    expect(mask('AMIs', 'An AMI is the image an instance boots from.')).toBe(
      'An _____ is the image an instance boots from.',
    );
    expect(mask('DAOs', 'A DAO votes on chain.')).toBe('A _____ votes on chain.');
    expect(mask('Macros', 'A macro writes code for you.')).toBe('A _____ writes code for you.');
    expect(mask('Wikis', 'A wiki keeps shared notes.')).toBe('A _____ keeps shared notes.');
    expect(mask('Tries', 'A trie stores words by prefix; try one.')).toBe(
      'A _____ stores words by prefix; try one.',
    );
    expect(mask('Sizes', 'The size of a font.')).toBe('The _____ of a font.');
  });

  it('never starts or ends a match inside an identifier', () => {
    expect(
      mask('Tasks and TaskGroup', 'Call `asyncio.create_task()` to start a task in a TaskGroup.'),
    ).toBe('Call `asyncio.create_task()` to start a _____ in a _____.');
    expect(mask('asyncio', 'Call `asyncio.run()` once.')).toBe('Call `_____.run()` once.');
  });

  it('masks an acronym with its expansion beside it, either way round', () => {
    expect(mask('ASGI', 'ASGI (Asynchronous Server Gateway Interface) follows WSGI.')).toBe(
      '_____ follows WSGI.',
    );
    expect(mask('APIs', 'An Application Programming Interface (API) is a contract.')).toBe(
      'An _____ is a contract.',
    );
    expect(mask('HTTPS', 'HTTPS (Hypertext Transfer Protocol Secure) encrypts HTTP.')).toBe(
      '_____ encrypts HTTP.',
    );
    expect(mask('ASGI', 'ASGI (a newer standard) follows WSGI.')).toBe(
      '_____ (a newer standard) follows WSGI.',
    );
  });

  it('masks an acronym’s expansion wherever it stands, the words within one phrase', () => {
    expect(mask('DDD', 'Domain driven design puts the business first.')).toBe(
      '_____ puts the business first.',
    );
    expect(mask('CSV', 'CSV, or Comma-Separated Values, holds one row per line.')).toBe(
      '_____, or _____, holds one row per line.',
    );
    expect(mask('ORMs', 'It stands for Object-Relational Mapping.')).toBe('It stands for _____.');
    // Lower-case words spelling it by chance, or a run broken by a comma, are no expansion.
    expect(mask('CSS', 'You can see some rules, Cascading, Style and Sheets.')).toBe(
      'You can see some rules, Cascading, Style and Sheets.',
    );
    // Two letters are spelled by chance too often to be looked for away from the acronym.
    expect(mask('AI', 'An Item is small.')).toBe('An Item is small.');
  });

  it('masks the name before a parenthesis, and a name with its acronym as one blank', () => {
    expect(
      mask(
        'TRIZ (Theory of Inventive Problem Solving) in Product Management',
        'TRIZ turns contradictions into known inventive principles.',
      ),
    ).toBe('_____ turns contradictions into known inventive principles.');
    expect(
      mask(
        'Role Based Access Control (RBAC) in API Design',
        'A Role Based Access Control (RBAC) model.',
      ),
    ).toBe('A _____ model.');
    expect(mask('GoF Design Patterns', 'The Gang of Four (GoF) design patterns are 23.')).toBe(
      'The Gang of Four _____ are 23.',
    );
  });

  it('reads each item of a listed title, and the singular of a camel-case plural', () => {
    expect(mask('Threads, Channels, and Message Passing', 'Safe message passing.')).toBe(
      'Safe _____.',
    );
    expect(mask('ConfigMaps', 'A ConfigMap holds settings.')).toBe('A _____ holds settings.');
    expect(mask('Escalares, Vetores e Tensores', 'Um escalar; um vetor.')).toBe(
      'Um _____; um _____.',
    );
    expect(mask('DoS & DDoS', 'Um ataque de DoS satura um servidor.')).toBe(
      'Um ataque de _____ satura um servidor.',
    );
  });

  it('keeps a word joined by a slash as one term', () => {
    expect(
      mask(
        'Coroutines and async/await',
        'A coroutine is written with async def and paused with await; async/await reads as steps.',
      ),
    ).toBe('A _____ is written with async def and paused with await; _____ reads as steps.');
  });

  it('folds case the same in every language', () => {
    expect(mask('İzmir', 'IZMIR, izmir and İZMİR')).toBe('_____, _____ and _____');
    expect(mask('Işık', 'IŞIK and ışık')).toBe('_____ and _____');
    expect(mask('ΣΟΦΙΑ', 'σοφια')).toBe('_____');
  });

  it('masks a Russian term in its other endings', () => {
    expect(mask('Функции', 'Функция возвращает значение; функций много.')).toBe(
      '_____ возвращает значение; _____ много.',
    );
  });

  it('masks a term beside a clause written without spaces, and only the term', () => {
    expect(mask('Kafka', 'Kafka是一个分布式的流平台。')).toBe('_____是一个分布式的流平台。');
    expect(mask('事件循环', '每个程序的事件循环都在运行。')).toBe('每个程序的_____都在运行。');
  });

  it('masks the Portuguese and Spanish singular of a plural title', () => {
    expect(mask('Compiladores', 'Um compilador traduz o código.')).toBe(
      'Um _____ traduz o código.',
    );
    expect(mask('Funções', 'Uma função devolve um valor.')).toBe('Uma _____ devolve um valor.');
  });
});

describe('distinctive words of a title', () => {
  const titles = [
    'Cloning Repositories',
    'Creating Repositories',
    'Forking Repositories',
    'Writing Custom Hooks',
    'Hooks Rules',
  ];
  const counts = countTitleWords(titles);
  const maskInDeck = (title: string, text: string) => createTermMatcher(title, counts).mask(text);

  it('blanks a word no other title holds, and leaves one that half the deck holds', () => {
    expect(maskInDeck('Cloning Repositories', 'Cloning a repository copies its history.')).toBe(
      '_____ a repository copies its history.',
    );
    expect(
      maskInDeck('Writing Custom Hooks', 'Building your own hooks shares logic; a custom one too.'),
    ).toBe('Building your own _____ shares logic; a _____ one too.');
  });

  it('blanks them only where they stand alone', () => {
    expect(maskInDeck('Cloning Repositories', 'Clonings and cloningly')).toBe(
      '_____ and cloningly',
    );
  });

  it('leaves the words of a title that reads as a sentence', () => {
    const long = 'Review Every Change Before Merging';
    expect(createTermMatcher(long, countTitleWords([long])).mask('Review the change.')).toBe(
      'Review the change.',
    );
  });

  it('blanks nothing of the kind without the deck', () => {
    expect(mask('Cloning Repositories', 'Cloning a repository')).toBe('Cloning a repository');
  });
});
