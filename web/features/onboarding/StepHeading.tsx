import { Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

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
