// What the tone check looks for, and why: one entry per kind of wording that puts a school's staff on
// the defensive. The reasons come from the article the project grew from (docs/tone-check.md): "Be specific
// but non-accusatory", "Be curious, not combative. Use phrases like 'Help me understand…' or 'Can we
// problem-solve together?'", "Advocating doesn't have to mean fighting", and its advice to keep formal
// steps (mediation, a complaint) for when talking has failed. docs/tone-check.md says the same for people.
// Pure data; no zod, so the web and the docs can read it too.

export type ToneCategory =
  | 'threat'
  | 'ultimatum'
  | 'insult'
  | 'sarcasm'
  | 'rhetorical_question'
  | 'blame'
  | 'absolute'
  | 'command'
  | 'shouting'
  | 'exasperation';

export type ToneCategoryInfo = {
  /** A short name for people. */
  label: string;
  /** Why it reads badly, in plain words: shown with every flag of this kind. */
  why: string;
  /** What the gentler wording does instead. */
  instead: string;
};

export const TONE_CATEGORIES: Readonly<Record<ToneCategory, ToneCategoryInfo>> = {
  threat: {
    label: 'Threat',
    why: 'A threat of lawyers, complaints or going over someone’s head turns the reader into an opponent before the problem is fixed; the formal steps stay open without announcing them.',
    instead:
      'Say you want to resolve it together, and that you will look at your other options if you cannot.',
  },
  ultimatum: {
    label: 'Ultimatum',
    why: 'An ultimatum ("or else", "last chance") leaves no room to work together; a request with a date gets the same thing done.',
    instead: 'Keep the request and the date, and offer to talk about next steps if it cannot happen.',
  },
  insult: {
    label: 'Insult',
    why: 'A judgement about a person puts them on the defensive and makes the letter about them, not about the plan.',
    instead: 'Say what worries you about how things are going, without the label.',
  },
  sarcasm: {
    label: 'Sarcasm',
    why: 'Sarcasm reads as contempt in writing, even when it is meant as a joke or a sigh.',
    instead: 'State the fact plainly.',
  },
  rhetorical_question: {
    label: 'Rhetorical question',
    why: 'A question that is not really asking ("Does anyone even read my emails?") reads as an accusation; the article says "Be curious, not combative".',
    instead: 'Ask what you want to know: "Help me understand…", "Could you let me know…".',
  },
  blame: {
    label: 'Blame',
    why: 'Blame invites a debate about who is at fault; "Be specific but non-accusatory": say what happened and ask to fix it.',
    instead: 'Say what happened and what worries you, without naming a culprit.',
  },
  absolute: {
    label: 'Absolute',
    why: 'Absolute words ("never", "always", "every time", "nothing") invite a debate about the exceptions; the dates you noted are harder to argue with.',
    instead: 'Name the dates, or say how often.',
  },
  command: {
    label: 'Order',
    why: 'An order puts the reader on the defensive; a request that names the plan and a date is just as firm.',
    instead: 'Ask for the same thing: "Please…", "I would like…".',
  },
  shouting: {
    label: 'Shouting',
    why: 'Words in capitals read as shouting.',
    instead: 'Write them in ordinary letters and let the facts carry the weight.',
  },
  exasperation: {
    label: 'Exasperation',
    why: 'Exasperation ("I’m fed up", "!!!") tells the reader how angry you are, not what needs to change.',
    instead: 'Say how it affects you or your child calmly, and what you would like to happen.',
  },
};
