/* Reports of a doubt about a bank item: one CSV row each in reports.csv in
 * the data folder, for the learner to send to the bank's authors. Writing
 * (RFC 4180 quoting, header on creation, mode 0600, every write checked) and
 * counting rows; the form that asks for the text is the app's. */
#ifndef CLOUDPREP_REPORTS_H
#define CLOUDPREP_REPORTS_H

#include <stddef.h>
#include <stdint.h>

#define REPORTS_FILE_NAME "reports.csv"
#define REPORTS_HEADER "time,bank,bank_version,item,answer,text\r\n"
#define REPORTS_TEXT_MAX 600      /* bytes of the learner's text kept */
#define REPORTS_MAX_FILE_BYTES (64u * 1024u * 1024u)

typedef struct ReportRow {
    int64_t time;               /* Unix seconds; written as UTC ISO-8601, 2026-12-06T20:15:00Z */
    const char *bank_code;      /* "CLF-C02" */
    const char *bank_version;   /* the bank's as_of date; NULL or "" when it has none */
    const char *item_id;
    const char *answer;         /* what the learner answered, "" when nothing */
    const char *text;           /* what they say is wrong */
} ReportRow;

/* Formats one record: the six fields in REPORTS_HEADER's order, each quoted
 * when it holds a comma, a double quote, CR or LF (quotes doubled), ending
 * in CRLF. NULL fields are empty. Writes at most size bytes (terminated
 * when size > 0) and returns the length the whole record needs, like
 * snprintf. */
size_t reports_format_row(const ReportRow *row, char *buf, size_t size);

/* Appends `row` to the CSV file at `path` in one write, creating the file
 * with mode 0600 and the header line first when it does not exist (or is
 * empty), and flushes it to disk. Returns 0, or an errno value when the file
 * cannot be opened, written, flushed or closed (nothing half-written is
 * left behind by a short write of a new file: it is removed). */
int reports_append(const char *path, const ReportRow *row);

/* Counts the records (rows after the header) of the CSV file at `path`,
 * honouring quoted line breaks. Returns the count, 0 when the file does not
 * exist, or -1 with errno set when it cannot be read. */
int reports_count(const char *path);

#endif
