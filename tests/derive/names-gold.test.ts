import { expect, it } from 'vitest';
import { readGold, scoreNames } from '../../bench/names/score.ts';
import { REUTERS, SEEDS } from '../helpers/files.ts';
import { describeNeeding } from '../helpers/requires.ts';

// 81 of the gold set's 82 articles are Reuters articles.
describeNeeding('reuters', 'findNames on the hand-labelled gold set (bench/names/gold.json)', () => {
  it('finds names with precision ≥ 0.90 and the right kind for ≥ 0.90 of them, at recall ≥ 0.85', () => {
    const gold = readGold();
    const score = scoreNames(gold, { seeds: SEEDS, reuters: REUTERS });
    expect(score.articles).toBeGreaterThanOrEqual(60);
    expect(score.expected).toBeGreaterThanOrEqual(300);
    const summary = `precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}, kind ${score.kindAccuracy.toFixed(3)}`;
    expect(score.precision, summary).toBeGreaterThanOrEqual(0.9);
    expect(score.recall, summary).toBeGreaterThanOrEqual(0.85);
    expect(score.kindAccuracy, summary).toBeGreaterThanOrEqual(0.9);
  });
});
