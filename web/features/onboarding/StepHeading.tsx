import { Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import type { Child, Plan, SchoolCalendar } from '../../api/types.ts';

/**
 * The heading of a step. When the parent moves to another step, focus moves to its heading, so a
 * keyboard or screen-reader user starts reading at the new step instead of at the top of the page.
 */
export function StepHeading({ title, intro, focus }: { title: string; intro?: ReactNode; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div>
      <Title order={2} size="h3" ref={ref} tabIndex={-1} style={{ outlineOffset: 4 }}>
        {title}
      </Title>
      {intro && <Text mt={4}>{intro}</Text>}
    </div>
  );
}

/** What the last steps of setup know so far: the child, the school calendar and the plan. */
export type SetupSoFar = {
  householdId: string;
  child: Child;
  calendar: SchoolCalendar | null;
  plan: Plan | null;
  focusHeading: boolean;
};

/** What the steps that add to the plan get: the plan, whether their heading takes focus, and the way on. */
export type PlanStepProps = {
  householdId: string;
  plan: Plan;
  focusHeading: boolean;
  onNext(): void;
  onBack(): void;
};
