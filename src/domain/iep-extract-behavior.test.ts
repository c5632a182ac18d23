import { describe, expect, it } from 'vitest';
import type { DocLine, DocumentText } from './document-text.ts';
import { IepDraft } from './iep-draft.ts';
import { behaviorPart, extractIepDraft } from './iep-extract.ts';

// The behavior plan's steps (issue 16): read under a behavior plan's heading, by the part each is
// printed under, in the layouts plans print them (bullets under headings, a label and its text, a
// table with a column per part, a label cell beside its text), and never from the word "behavior"
// elsewhere (a goal's area, a service's name, a sentence saying no plan is needed).

/** A line: one string is one cell at x = 50; [x, text] pairs are cells; `size` makes it a heading. */
type Spec = string | [number, string][] | { size: number; text: string };

function page(number: number, specs: Spec[]): DocumentText['pages'][number] {
  let y = 80;
  const lines: DocLine[] = specs.map((spec) => {
    const size = typeof spec === 'object' && !Array.isArray(spec) ? spec.size : 10;
    const pairs: [number, string][] =
      typeof spec === 'string' ? [[50, spec]] : Array.isArray(spec) ? spec : [[50, spec.text]];
    y += size >= 12 ? 22 : 14;
    const cells = pairs.map(([x, text]) => ({ x, end: x + text.length * 5, text }));
    return { y, height: size, text: cells.map((c) => c.text).join(' '), cells };
  });
  return { number, width: 612, height: 792, lines };
}

const doc = (format: 'pdf' | 'docx', ...pages: Spec[][]): DocumentText => ({
  format,
  pages: pages.map((specs, i) => page(i + 1, specs)),
  pagesWithoutText: [],
  unreadablePages: [],
  notes: [],
});

const TITLE: Spec = { size: 14, text: 'INDIVIDUALIZED EDUCATION PROGRAM' };
/** A line as long as the page's text is wide (it wraps onto the next). */
const WIDE = 'x'.repeat(100);

const steps = (d: DocumentText) =>
  extractIepDraft(d).behaviorSteps.map((s) => [s.kind, s.text] as [string, string]);

describe('behaviorPart: the labels of a behavior plan', () => {
  it('names the kind of step of each part, alone or with its text, and the parts that hold none', () => {
    expect(behaviorPart('Setting Events / Triggers:')).toEqual({
      kind: 'trigger',
      label: 'Setting Events / Triggers',
      rest: '',
    });
    expect(behaviorPart('Antecedents')?.kind).toBe('trigger');
    expect(behaviorPart('Preventive strategies')?.kind).toBe('strategy');
    expect(behaviorPart('Antecedent Strategies:')?.kind).toBe('strategy');
    expect(behaviorPart('Replacement Behaviors / Skills to Teach')?.kind).toBe('strategy');
    expect(behaviorPart('Supports:')?.kind).toBe('strategy');
    expect(behaviorPart('Reinforcement: a sticker')).toEqual({
      kind: 'reward',
      label: 'Reinforcement',
      rest: 'a sticker',
    });
    expect(behaviorPart('REWARDS')?.kind).toBe('reward');
    expect(behaviorPart('Reactive Strategies')?.kind).toBe('response');
    expect(behaviorPart('Consequences - loss of a turn')).toMatchObject({
      kind: 'response',
      rest: 'loss of a turn',
    });
    expect(behaviorPart('What staff will do when the behavior occurs:')?.kind).toBe('response');
    expect(behaviorPart('Strategies to prevent the behavior: a visual schedule')).toMatchObject({
      kind: 'strategy',
      rest: 'a visual schedule',
    });
    expect(behaviorPart('Target Behavior: leaves his seat')).toMatchObject({ kind: null });
    expect(behaviorPart('Function of Behavior')).toMatchObject({ kind: null });
    expect(behaviorPart('Loud noise in the cafeteria')).toBeNull();
    expect(behaviorPart('Supports for school personnel')).toBeNull();
    expect(behaviorPart('Responsible for the plan: Ms. Ruiz')).toBeNull();
  });
});

describe('extractIepDraft: the behavior plan', () => {
  it('reads bulleted lists under the parts of a Behavior Intervention Plan, each with its page and words', () => {
    const draft = extractIepDraft(
      doc('pdf', [
        TITLE,
        { size: 12, text: 'BEHAVIOR INTERVENTION PLAN (BIP)' },
        'Target Behavior: Sam leaves his seat during math, about five times a day.',
        'Function: to escape work he finds hard.',
        'Triggers:',
        [
          [60, '•'],
          [72, 'Timed math drills'],
        ],
        [
          [60, '•'],
          [72, 'A change in the schedule'],
        ],
        'Preventive Strategies:',
        '• Preview the day on a visual schedule',
        '- Give a two-minute warning before transitions',
        'Rewards:',
        '1. Five minutes on the computer after three calm work periods',
        'Response:',
        '• Prompt him to use his break card',
        { size: 12, text: 'ANNUAL GOALS' },
      ]),
    );
    expect(draft.behaviorSteps.map((s) => [s.kind, s.text])).toEqual([
      ['trigger', 'Timed math drills'],
      ['trigger', 'A change in the schedule'],
      ['strategy', 'Preview the day on a visual schedule'],
      ['strategy', 'Give a two-minute warning before transitions'],
      ['reward', 'Five minutes on the computer after three calm work periods'],
      ['response', 'Prompt him to use his break card'],
    ]);
    expect(draft.behaviorSteps[0]).toMatchObject({
      heading: 'Triggers',
      box: 'none',
      page: 1,
      sourceText: '• Timed math drills',
      confidence: 'sure',
      reason: null,
    });
    expect(draft.behaviorSteps[0]!.sourceBoxes).toHaveLength(1);
    expect(draft.message).toMatch(/6 behavior plan steps/);
    // Draft and schema agree.
    expect(IepDraft.parse(draft).behaviorSteps).toHaveLength(6);
  });

  it('reads parts printed as headings (capitals, or larger) and a label with its text, wrapped onto the next line', () => {
    expect(
      steps(
        doc('pdf', [
          TITLE,
          { size: 12, text: 'Positive Behavior Supports' },
          'ANTECEDENTS / SETTING EVENTS',
          'Loud noise in the gym',
          { size: 11, text: 'Replacement Behaviors' },
          'Ask for help by raising a hand',
          `Reinforcement: praise from the teacher and a sticker on his chart for each ${WIDE}`,
          'activity finished; five stickers earn free time.',
          'When the behavior occurs: calmly restate the direction once.',
          { size: 12, text: 'TEAM MEMBERS' },
          'Ann Lee, Special Education Teacher',
        ]),
      ),
    ).toEqual([
      ['trigger', 'Loud noise in the gym'],
      ['strategy', 'Ask for help by raising a hand'],
      [
        'reward',
        `praise from the teacher and a sticker on his chart for each ${WIDE} activity finished; five stickers earn free time.`,
      ],
      ['response', 'calmly restate the direction once.'],
    ]);
  });

  it('keeps lines that do not wrap apart, and goes on with an indented or lower-case line', () => {
    expect(
      steps(
        doc('pdf', [
          TITLE,
          { size: 12, text: 'Behavior Support Plan' },
          'Strategies:',
          'Seat him near the teacher',
          'Give choices between two tasks',
          '• Check in with him at the start of',
          [[62, 'each independent task']],
          'Give him a job to do',
          'during transitions',
        ]),
      ),
    ).toEqual([
      ['strategy', 'Seat him near the teacher'],
      ['strategy', 'Give choices between two tasks'],
      ['strategy', 'Check in with him at the start of each independent task'],
      ['strategy', 'Give him a job to do during transitions'],
    ]);
  });

  it('reads a two-column table, a column per part, and a cell listing two items with bullets', () => {
    const draft = extractIepDraft(
      doc('pdf', [
        TITLE,
        { size: 12, text: 'BEHAVIOR INTERVENTION PLAN' },
        [
          [50, 'Trigger'],
          [300, 'Strategy'],
        ],
        [
          [50, 'Being told no'],
          [300, 'Offer two choices instead of a refusal'],
        ],
        [
          [50, '• Crowded hallways • Fire drills'],
          [300, 'Let her leave class two minutes early'],
        ],
      ]),
    );
    expect(draft.behaviorSteps.map((s) => [s.kind, s.text, s.heading])).toEqual([
      ['trigger', 'Being told no', 'Trigger'],
      ['strategy', 'Offer two choices instead of a refusal', 'Strategy'],
      ['trigger', 'Crowded hallways', 'Trigger'],
      ['trigger', 'Fire drills', 'Trigger'],
      ['strategy', 'Let her leave class two minutes early', 'Strategy'],
    ]);
    // The exact words of its cell, outlined on the page.
    expect(draft.behaviorSteps[2]).toMatchObject({ sourceText: '• Crowded hallways • Fire drills' });
    expect(draft.behaviorSteps[2]!.sourceBoxes![0]!.x).toBeCloseTo(50 / 612, 2);
    // Not read as a services grid or anything else.
    expect(draft.services).toEqual([]);
    expect(draft.accommodations).toEqual([]);
  });

  it('reads a Word document: a label cell beside its text, a paragraph per item', () => {
    expect(
      steps(
        doc('docx', [
          TITLE,
          { size: 12, text: 'Behavior Intervention Plan' },
          [
            [50, 'Triggers'],
            [200, 'Unstructured time at recess'],
          ],
          [
            [50, 'Reactive strategies'],
            [200, 'Walk with him to the calm corner'],
          ],
          'Reinforcement:',
          'Earns a class job he chooses',
          'Lunch with a teacher on Friday',
        ]),
      ),
    ).toEqual([
      ['trigger', 'Unstructured time at recess'],
      ['response', 'Walk with him to the calm corner'],
      ['reward', 'Earns a class job he chooses'],
      ['reward', 'Lunch with a teacher on Friday'],
    ]);
  });

  it('takes only the checked items of a plan with check boxes, and asks about a box it cannot read', () => {
    const draft = extractIepDraft(
      doc('pdf', [
        TITLE,
        { size: 12, text: 'BEHAVIOR INTERVENTION PLAN' },
        'Preventive Strategies (check all that apply):',
        '[X] Visual schedule',
        '[ ] Token board',
        '☒ Frequent breaks',
        '[?] First-then board',
      ]),
    );
    expect(draft.behaviorSteps.map((s) => [s.text, s.box, s.confidence])).toEqual([
      ['Visual schedule', 'checked', 'sure'],
      ['Frequent breaks', 'checked', 'sure'],
      ['First-then board', 'unclear', 'check'],
    ]);
    expect(draft.toCheck).toEqual([
      expect.objectContaining({
        section: 'behaviorSteps',
        index: 2,
        reason: "We could not tell whether the box beside 'First-then board' is checked",
      }),
    ]);
  });

  it('reads no steps from a plan without a behavior plan, whatever it says about behavior', () => {
    const draft = extractIepDraft(
      doc('pdf', [
        TITLE,
        'Behavior: Sam does not need a behavior intervention plan; supports are in his goals.',
        'Behavior Intervention Plan: [ ] Yes [X] No',
        { size: 12, text: 'Annual Goal 2: Behavior' },
        'Goal: Sam will use a strategy to calm himself in 4 of 5 opportunities.',
        { size: 12, text: 'SPECIAL EDUCATION SERVICES' },
        [
          [50, 'Service'],
          [200, 'Frequency'],
          [300, 'Duration'],
          [400, 'Location'],
        ],
        [
          [50, 'Behavior support services'],
          [200, 'Weekly'],
          [300, '30 min'],
          [400, 'General Education'],
        ],
        { size: 12, text: 'ACCOMMODATIONS' },
        'Positive Behavior Supports',
        '• Praise for effort',
        { size: 12, text: 'FUNCTIONAL BEHAVIOR ASSESSMENT DATA' },
        [
          [50, 'Antecedent'],
          [200, 'Behavior'],
          [350, 'Consequence'],
        ],
        [
          [50, 'Asked to write'],
          [200, 'Left seat'],
          [350, 'Sent to the office'],
        ],
      ]),
    );
    expect(draft.behaviorSteps).toEqual([]);
    expect(draft.goals.map((g) => g.area)).toEqual(['Behavior']);
    expect(draft.services.map((s) => s.name)).toEqual(['Behavior support services']);
    expect(draft.accommodations.map((a) => a.text)).toEqual(['Praise for effort']);
    expect(draft.message).not.toMatch(/behavior plan step/);
  });

  it('ends the behavior plan at the next section', () => {
    const draft = extractIepDraft(
      doc('pdf', [
        TITLE,
        { size: 12, text: 'BEHAVIOR INTERVENTION PLAN' },
        'Rewards:',
        '• Extra reading time',
        { size: 12, text: 'ACCOMMODATIONS' },
        '• Extended time on tests',
      ]),
    );
    expect(draft.behaviorSteps.map((s) => s.text)).toEqual(['Extra reading time']);
    expect(draft.accommodations.map((a) => a.text)).toEqual(['Extended time on tests']);
  });
});

describe('IepDraft: drafts kept before behavior plans were read', () => {
  it('parses a stored draft with no behaviorSteps as having none', () => {
    const draft = extractIepDraft(doc('pdf', [TITLE, 'Ohio']));
    const { behaviorSteps: _, ...older } = draft;
    expect(IepDraft.parse(older).behaviorSteps).toEqual([]);
  });
});
