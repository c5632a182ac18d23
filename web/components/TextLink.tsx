import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import classes from './ui.module.css';

/** An in-app link, underlined and in a colour with enough contrast in both colour schemes. */
export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Anchor component={Link} href={href} underline="always" className={classes.link}>
      {children}
    </Anchor>
  );
}
