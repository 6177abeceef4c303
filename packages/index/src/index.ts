/**
 * Satisfaction and quality indices with the statistics a published study
 * needs.
 *
 * @packageDocumentation
 */
