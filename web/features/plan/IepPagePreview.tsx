import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useParams } from 'wouter';
import type { ReviewSource } from '../../../src/domain/iep-review.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { useT } from '../../i18n/i18n.tsx';
import classes from './iep-page-preview.module.css';

// The document's page beside what was read from it (issue 16): the page drawn by the server
// (GET iep-documents/:id/pages/:page, a PNG at 150 DPI) with the item's words outlined where the reader
// found them (`sourceBoxes`, fractions of the page: src/domain/page-boxes.ts). On a wide screen the
// page of the item the parent is on (the one holding focus, or whose "Show on the page" was pressed)
// stays beside the review's list; on a phone "Show on the page" opens it in a sheet. A Word document has
// no pages, and its items no boxes: they have no button.
//
// The review page (IepReviewPage.tsx) holds only two pieces of this: `ShowOnPage` under each item's
// source line and `PageBeside` at the end of its column. They meet through the page itself, not props:
// each button marks its item on the page (`marked`), and the page beside listens in the column for
// focus and for the buttons' event, so the review page needs no state of its own for it.

/** Wide enough for the page beside the list, with the navigation (230 px) open. */
const WIDE = '(min-width: 75em)';
const SHOW_EVENT = 'as-written:show-on-page';

/** Each "Show on the page" button's item, by the element that marks it. */
const marked = new WeakMap<Element, Placed>();

type Placed = ReviewSource & { sourceBoxes: NonNullable<ReviewSource['sourceBoxes']> };

const isPlaced = (item: ReviewSource): item is Placed => (item.sourceBoxes?.length ?? 0) > 0;

const quoted = (text: string, max = 120) => `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;

/** The address of a page's image, for the document under review (/plan/review/:id). */
function usePageAddress(): (page: number) => string {
  const { id } = useParams<{ id: string }>();
  const { householdId } = useHouseholdChild();
  return (page) => `/api/households/${householdId}/iep-documents/${id}/pages/${page}`;
}

/** The item holding the element, in the column `host`: the nearest box around it with one mark in it. */
function itemAround(element: Element, host: Element): Placed | null {
  for (let at: Element | null = element; at && at !== host; at = at.parentElement) {
    const marks = at.querySelectorAll('[data-page-source]');
    if (marks.length > 1) return null;
    const [mark] = marks;
    if (mark) return marked.get(mark) ?? null;
  }
  return null;
}

/**
 * The page an item was read from, its words outlined. Shown close up (a form's small print is
 * readable), scrolled to the words; "Show the whole page" fits it to the frame.
 */
export function IepPagePreview({ item }: { item: Placed }) {
  const t = useT('review');
  const address = usePageAddress();
  const src = address(item.page);
  const [zoom, setZoom] = useState<'close' | 'page'>('close');
  const [loaded, setLoaded] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const frame = useRef<HTMLElement>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const ready = loaded === src;

  // The first outline in view: a little from the left, a third of the way down the frame; again when
  // the zoom changes the page's size.
  // biome-ignore lint/correctness/useExhaustiveDependencies: zoom resizes the sheet the scroll is measured on
  useEffect(() => {
    const box = item.sourceBoxes[0];
    if (!ready || !box || !frame.current || !sheet.current) return;
    frame.current.scrollTo({
      left: Math.max(0, box.x * sheet.current.clientWidth - 24),
      top: Math.max(0, box.y * sheet.current.clientHeight - frame.current.clientHeight / 3),
    });
  }, [item, zoom, ready]);

  const words = quoted(item.sourceText);
  const page = String(item.page);
  const frameName = t('review.page.image', { page });
  return (
    <Stack gap="xs" mih={0} style={{ flex: 1 }}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="xs" aria-live="polite">
          {t('review.page.outlined', { words })}
        </Text>
        <Button
          variant="default"
          size="compact-xs"
          style={{ flexShrink: 0 }}
          onClick={() => setZoom((z) => (z === 'close' ? 'page' : 'close'))}
        >
          {zoom === 'close' ? t('review.page.whole') : t('review.page.zoomIn')}
        </Button>
      </Group>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the page, larger than its frame, must be reachable by keyboard to scroll it */}
      <section ref={frame} className={classes.frame} aria-label={frameName} tabIndex={0}>
        <div ref={sheet} className={classes.sheet} data-zoom={zoom} data-loading={ready ? undefined : ''}>
          <img
            key={src}
            src={src}
            alt={t('review.page.alt', { page, words })}
            loading="lazy"
            onLoad={() => setLoaded(src)}
            onError={() => setFailed(src)}
          />
          {ready &&
            item.sourceBoxes.map((b) => (
              <span
                key={`${b.x},${b.y},${b.w},${b.h}`}
                className={classes.outline}
                data-page-outline=""
                style={{
                  left: `${b.x * 100}%`,
                  top: `${b.y * 100}%`,
                  width: `${b.w * 100}%`,
                  height: `${b.h * 100}%`,
                }}
              />
            ))}
        </div>
      </section>
      {failed === src && (
        <Text size="sm" role="alert">
          {t('review.page.failed', { page })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Under an item's source line: on a phone, opens the page in a sheet; on a wide screen, shows it in
 * the page beside the list. Nothing for an item the reader could not place on a page (a Word document).
 */
export function ShowOnPage({ item }: { item: ReviewSource }) {
  const t = useT('review');
  const wide = useMediaQuery(WIDE);
  const [opened, setOpened] = useState(false);
  const mark = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mark.current && isPlaced(item)) marked.set(mark.current, item);
  }, [item]);
  if (!isPlaced(item)) return null;
  return (
    <div ref={mark} data-page-source="">
      <Button
        variant="default"
        size="compact-sm"
        onClick={(e) => {
          if (wide)
            e.currentTarget.dispatchEvent(new CustomEvent(SHOW_EVENT, { bubbles: true, detail: item }));
          else setOpened(true);
        }}
      >
        {t('review.page.show')}
      </Button>
      {!wide && (
        <ResponsiveDrawer
          opened={opened}
          onClose={() => setOpened(false)}
          title={t('review.page.title', { page: String(item.page) })}
        >
          <IepPagePreview item={item} />
        </ResponsiveDrawer>
      )}
    </div>
  );
}

/**
 * At the end of the review's column: on a wide screen, the page of the item the parent is on, beside
 * the list and kept in view (iep-page-preview.module.css); nothing on a narrower one.
 */
export function PageBeside() {
  const t = useT('review');
  const wide = useMediaQuery(WIDE);
  const panel = useRef<HTMLDivElement>(null);
  const [item, setItem] = useState<Placed | null>(null);
  const heading = useId();

  useEffect(() => {
    const column = panel.current?.parentElement;
    if (!wide || !column) return;
    // Until the parent moves to an item, the first one (the first to check, as the list puts it first).
    const first = column.querySelector('[data-page-source]');
    setItem((shown) => shown ?? (first ? (marked.get(first) ?? null) : null));
    const onShow = (e: Event) => setItem((e as CustomEvent<Placed>).detail);
    const onFocus = (e: FocusEvent) => {
      const found = e.target instanceof Element ? itemAround(e.target, column) : null;
      if (found) setItem(found);
    };
    column.addEventListener(SHOW_EVENT, onShow);
    column.addEventListener('focusin', onFocus);
    return () => {
      column.removeEventListener(SHOW_EVENT, onShow);
      column.removeEventListener('focusin', onFocus);
    };
  }, [wide]);

  if (!wide) return null;
  return (
    <div ref={panel} className={classes.beside}>
      <Paper
        withBorder
        p="sm"
        radius="md"
        component="section"
        aria-labelledby={heading}
        className={classes.sticky}
      >
        <Title order={3} size="h5" id={heading} mb="xs">
          {item ? t('review.page.title', { page: String(item.page) }) : t('review.page.document')}
        </Title>
        {item ? <IepPagePreview item={item} /> : <Text size="sm">{t('review.page.moveTo')}</Text>}
      </Paper>
    </div>
  );
}
