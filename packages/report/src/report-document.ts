import type {
  CompareWavesResult,
  ImportancePerformanceResult,
  IpaQuadrant,
  NetPromoterScoreResult,
  NokAssessmentResult,
  SatisfactionIndexResult,
  BreakdownResult,
  CronbachAlphaResult,
} from '@edu-quality/index';

/**
 * How a bound number is shown.
 *
 * - `score`: a 0–100 score (or an NPS, or points), one decimal.
 * - `share`: a share in 0–1 shown as a percentage, one decimal.
 * - `count`: a whole number with digit grouping.
 * - `signed`: a difference in points, one decimal, always with its sign.
 * - `decimal`: a coefficient (α, a weight, an importance mean), two decimals.
 * - `p-value`: three decimals, `< 0.001` below that.
 * - `level`: a confidence level in 0–1 shown as a whole percentage (95 %).
 */
export type ValueFormat = 'score' | 'share' | 'count' | 'signed' | 'decimal' | 'p-value' | 'level';

/**
 * A number of the report bound to a result: its value, how it is shown, and
 * where it comes from.
 */
export interface BoundValue {
  /** The value as computed (full precision), or `null` when not available. */
  readonly value: number | null;
  /** How it is shown. */
  readonly format: ValueFormat;
  /** Where it was read from, for example `index.score` or `index.items[3].score`. */
  readonly source: string;
}

/**
 * A run of text: literal text, a reference to a {@link BoundValue} by key, or
 * a label that comes from the data (an item text, an institution name).
 */
export type TextRun =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly key: string }
  | { readonly kind: 'label'; readonly text: string };

/** A cell of a {@link ReportTable}. */
export type TableCell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number | null; readonly format: ValueFormat }
  | { readonly kind: 'suppressed'; readonly text: string };

/** A column of a {@link ReportTable}. */
export interface TableColumn {
  /** A stable id, used in `data-column` attributes. */
  readonly id: string;
  /** The header, localised. */
  readonly label: string;
  /** Whether the column holds numbers (right-aligned). */
  readonly numeric: boolean;
}

/** A table: the data behind a figure, or a table of results. */
export interface ReportTable {
  /** A stable id, unique in the report, used in `data-table` attributes and XLSX sheet names. */
  readonly id: string;
  /** The caption, localised. */
  readonly caption: string;
  /** The columns. */
  readonly columns: readonly TableColumn[];
  /** The rows: one cell per column. `key` is the row's stable id (item id, group label…). */
  readonly rows: readonly { readonly key: string; readonly cells: readonly TableCell[] }[];
}

/** One bar of a bar chart, with its interval. */
export interface ChartBar {
  /** A stable id (item id, dimension, group label), written to `data-mark`. */
  readonly id: string;
  /** The label shown. */
  readonly label: string;
  /** The value on the chart's scale. */
  readonly value: number;
  /** The interval's lower bound, if any. */
  readonly lower?: number;
  /** The interval's upper bound, if any. */
  readonly upper?: number;
}

/** One row of a stacked bar chart: shares of categories that sum to 1. */
export interface ChartStack {
  /** A stable id, written to `data-mark`. */
  readonly id: string;
  /** The label shown. */
  readonly label: string;
  /** One share (0–1) per category of the figure, in order. */
  readonly shares: readonly number[];
}

/** One point of the importance–performance scatter. */
export interface ChartPoint {
  /** The item id, written to `data-mark`. */
  readonly id: string;
  /** The label. */
  readonly label: string;
  /** The point's number, shown beside it and in the data table. */
  readonly number: number;
  /** Importance (x). */
  readonly importance: number;
  /** Performance (y), 0–100. */
  readonly performance: number;
  /** Its quadrant. */
  readonly quadrant: IpaQuadrant;
}

/**
 * A figure drawn from the data, with its alt text and the table behind it.
 *
 * - `bars`: horizontal bars with interval whiskers on the scale `min`–`max`;
 * - `stacked`: stacked bars of shares (answer distributions, NPS);
 * - `ipa`: the importance–performance scatter with quadrant lines at the cuts.
 */
export type ReportFigure = (
  | {
      readonly kind: 'bars';
      readonly scale: { readonly min: number; readonly max: number };
      readonly bars: readonly ChartBar[];
      /** How the bar values are written; default `score`. */
      readonly format?: ValueFormat;
      /** A reference line (the target), on the same scale. */
      readonly reference?: number;
    }
  | {
      readonly kind: 'stacked';
      readonly categories: readonly string[];
      readonly stacks: readonly ChartStack[];
    }
  | {
      readonly kind: 'ipa';
      readonly xLabel: string;
      readonly yLabel: string;
      readonly cuts: { readonly importance: number; readonly performance: number };
      readonly points: readonly ChartPoint[];
    }
) & {
  /** A stable id, written to `data-chart` (for example `ipa`, `index-items`). */
  readonly id: string;
  /** The title, localised. */
  readonly title: string;
  /** The alt text, localised: what the figure shows, for screen readers. */
  readonly alt: string;
  /** The data behind the figure. */
  readonly table: ReportTable;
};

/** A block of a section. */
export type ReportBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly runs: readonly TextRun[] }
  | {
      readonly kind: 'list';
      readonly ordered: boolean;
      readonly items: readonly (readonly TextRun[])[];
    }
  | { readonly kind: 'table'; readonly table: ReportTable }
  | { readonly kind: 'figure'; readonly figure: ReportFigure }
  | {
      /** Respondents' own words, already redacted if asked; renderers escape them. */
      readonly kind: 'quotes';
      readonly quotes: readonly string[];
    };

/** A section: a heading and its blocks. */
export interface ReportSection {
  /** A stable id (`summary`, `methodology`, … or `org-<n>`), used as the HTML anchor. */
  readonly id: string;
  /** The heading, localised. */
  readonly title: string;
  /** Whether the section starts on a new printed page. */
  readonly pageBreakBefore: boolean;
  /** The content. */
  readonly blocks: readonly ReportBlock[];
}

/** The title page data of a report. */
export interface ReportMeta {
  /** The title. */
  readonly title: string;
  /** The organisation that publishes the report. */
  readonly organisation?: string;
  /** The period of the study, as text (for example `2026 m. spalis`). */
  readonly period?: string;
  /** When the report was generated, as given by the caller (ISO 8601); never read from a clock. */
  readonly generatedAt?: string;
}

/** The results behind a satisfaction report, as computed by `@edu-quality/index`. */
export interface SatisfactionReportResults {
  /** The overall index. */
  readonly index: SatisfactionIndexResult;
  /** The breakdown by institution, if the data have that field. */
  readonly institutions?: BreakdownResult;
  /** The breakdown by respondent group, if the data have that field. */
  readonly groups?: BreakdownResult;
  /** Other breakdowns the caller computed (by another field, or crossed fields), each a section of its own. */
  readonly breakdowns?: readonly BreakdownResult[];
  /** The importance–performance analysis, when importance could be measured. */
  readonly ipa?: ImportancePerformanceResult;
  /** The importance of each item used by the IPA, and how it was measured. */
  readonly importance?: {
    readonly method: 'stated' | 'derived';
    readonly items: Readonly<Record<string, number>>;
  };
  /** The NPS of all respondents. */
  readonly nps?: NetPromoterScoreResult;
  /** The previous wave's index. */
  readonly previous?: SatisfactionIndexResult;
  /** The change of the index from the previous wave. */
  readonly change?: CompareWavesResult;
  /** The change of each dimension sub-index from the previous wave. */
  readonly dimensionChanges?: readonly {
    readonly dimension: string;
    readonly previous: number;
    readonly current: number;
    readonly change: CompareWavesResult;
  }[];
  /** Cronbach's α of the index items. */
  readonly alpha?: CronbachAlphaResult;
  /** The margin of error of a share at p = 0.5. */
  readonly marginOfError: number;
}

/** Why a report publishes no results. */
export interface WithheldReportResults {
  /** `below-minimum`: fewer respondents in the whole study than `minGroupSize`. */
  readonly reason: 'below-minimum';
  /** The disclosure threshold. */
  readonly minGroupSize: number;
}

/**
 * A report document: plain data that every renderer reads. Numbers in text are
 * references to its `values`, which are bound to the results.
 */
export type ReportDocument = {
  /** The locale of every label (lt, en, ru; others fall back to English labels). */
  readonly locale: string;
  /** Title page data. */
  readonly meta: ReportMeta;
  /** The bound values, by key (for example `index.score`). */
  readonly values: Readonly<Record<string, BoundValue>>;
  /** The sections, in order. */
  readonly sections: readonly ReportSection[];
} & (
  | {
      /** A client-satisfaction study. */
      readonly kind: 'satisfaction';
      /** The results behind it. */
      readonly results: SatisfactionReportResults;
    }
  | {
      /**
       * A study with fewer respondents than the disclosure threshold: nothing
       * is published, the document only says so (no number at all).
       */
      readonly kind: 'withheld';
      /** Why, and the threshold. */
      readonly results: WithheldReportResults;
    }
  | {
      /** A NOK 344n assessment. */
      readonly kind: 'nok';
      /** The results behind it. */
      readonly results: NokAssessmentResult;
    }
);
