// Trains the Spanish tone classifier (src/domain/tone-es-classifier.ts) on the sentences listed in
// src/domain/tone-es-training.ts (TRAINED_ON_ES) and writes src/domain/tone-es-model.ts (docs/tone-check.md).
// Run with: node --import tsx scripts/write-tone-model-es.ts (a unit test fails when the committed weights
// differ from a fresh run).
import { fileURLToPath } from 'node:url';
import {
  TRAINED_ON_ES,
  TRAINED_ON_NOTE_ES,
  TRAINING_ES,
  toneTrainingCasesEs,
  trainToneModelEs,
} from '../src/domain/tone-es-training.ts';
import { writeToneModelFile } from './tone-model-file.ts';

writeToneModelFile(
  fileURLToPath(new URL('../src/domain/tone-es-model.ts', import.meta.url)),
  `// Written by \`node --import tsx scripts/write-tone-model-es.ts\` from src/domain/tone-es-training.ts: do not
// edit by hand. The Spanish tone classifier's weights (tone-es-classifier.ts): one per word, pair of words, stem,
// word class or cue, and for the features that push towards "accusing", the kind they were seen in most.
// tone-es.test.ts trains afresh and fails when this file is out of date.`,
  'TONE_MODEL_ES',
  trainToneModelEs(toneTrainingCasesEs(TRAINED_ON_ES), TRAINING_ES, TRAINED_ON_NOTE_ES),
);
