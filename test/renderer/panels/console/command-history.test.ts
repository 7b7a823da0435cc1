/**
 * History as bash keeps it: ↑ goes back, ↓ forward and then to the line that was being typed; blank lines, a
 * repeated line and lines starting with a space are not recorded; the oldest entries go past the limit; and two
 * consoles share entries but not their place in them.
 */
import { describe, expect, it } from 'vitest';
import { CommandHistory, HistoryNavigator } from '../../../../renderer/panels/console/command-history.ts';

function historyOf(...lines: string[]): CommandHistory {
  const history = new CommandHistory();
  for (const line of lines) history.add(line);
  return history;
}

describe('CommandHistory', () => {
  it('records run lines in order, skipping blanks, immediate repeats and lines typed with a leading space', () => {
    const history = historyOf('get pods', '', '   ', 'get pods', ' create token secret-demo', 'get sa', 'get pods');
    expect(history.entries).toEqual(['get pods', 'get sa', 'get pods']);
  });

  it('keeps only the newest entries past its limit', () => {
    const history = new CommandHistory(3);
    for (const line of ['a', 'b', 'c', 'd', 'e']) history.add(line);
    expect(history.entries).toEqual(['c', 'd', 'e']);
  });
});

describe('HistoryNavigator', () => {
  it('walks back with previous() and stops at the oldest entry', () => {
    const nav = new HistoryNavigator(historyOf('one', 'two'));
    expect(nav.previous('')).toBe('two');
    expect(nav.previous('two')).toBe('one');
    expect(nav.previous('one')).toBeUndefined();
  });

  it('walks forward with next() and gives back the draft that was being typed past the newest entry', () => {
    const nav = new HistoryNavigator(historyOf('one', 'two'));
    nav.previous('half-typed');
    nav.previous('two');
    expect(nav.next()).toBe('two');
    expect(nav.next()).toBe('half-typed');
    expect(nav.next()).toBeUndefined();
  });

  it('does nothing on an empty history', () => {
    const nav = new HistoryNavigator(new CommandHistory());
    expect(nav.previous('x')).toBeUndefined();
    expect(nav.next()).toBeUndefined();
  });

  it('starts again from the newest entry after reset (a line was run), including entries added meanwhile', () => {
    const history = historyOf('one');
    const nav = new HistoryNavigator(history);
    nav.previous('');
    history.add('two');
    nav.reset();
    expect(nav.previous('')).toBe('two');
  });

  it('gives two consoles over the same history their own place in it', () => {
    const history = historyOf('one', 'two');
    const first = new HistoryNavigator(history);
    const second = new HistoryNavigator(history);
    first.previous('');
    first.previous('');
    expect(second.previous('')).toBe('two');
  });
});
