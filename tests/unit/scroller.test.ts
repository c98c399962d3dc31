import { describe, expect, it } from 'vitest';
import { activeStepIndex } from '../../src/scroll/scroller.ts';

describe('activeStepIndex(stepTops, triggerY)', () => {
  it('picks the last step whose top is above the trigger line', () => {
    expect(activeStepIndex([-900, -100, 300, 1100], 400)).toBe(2);
  });

  it('keeps the first step active before the story reaches the trigger line', () => {
    expect(activeStepIndex([600, 1400], 400)).toBe(0);
  });

  it('lands on the last step after a fast scroll past the end', () => {
    expect(activeStepIndex([-5000, -4000, -3000], 400)).toBe(2);
  });
});
