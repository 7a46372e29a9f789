/*
 * report_int.h - private to the report writers (report.c, report_doc.c,
 * report_text.c, report_json.c).  Not part of any public contract.
 */
#ifndef SB_REPORT_INT_H
#define SB_REPORT_INT_H

#include <stdio.h>

#include "report.h"

/* The JSON report; returns 0 or 74. */
int report_write_json(FILE *fp, const report *r);
/* The text or Markdown report (flags: REPORT_UTF8); returns 0 or 74. */
int report_write_doc(FILE *fp, const report *r, report_format f, unsigned flags);

/* The first style of the result, or -1 when there is none. */
int report_primary_style(const report *r);
/* True for a quadrant result near a boundary with styles across it. */
int report_is_near(const report *r);
/* Names of the styles in mask, canonical order, joined with ", " and " and ". */
char *report_style_names(const report *r, unsigned mask);
/* Names of the neighbouring styles ("Secure and Fearful-avoidant"), or NULL. */
char *report_neighbours(const report *r);

/* Time as ISO 8601 UTC ("2024-05-01T14:03:05Z") into buf. */
void report_iso_time(time_t t, char *buf, size_t size);
/* A number with up to `dec` decimals, trailing zeros dropped, into buf. */
char *report_num(double v, int dec, char *buf, size_t size);

#endif
