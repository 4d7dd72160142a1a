/** The CLI's help text. */

/** What `pharos --help` prints. */
export const USAGE = `Usage: pharos <command> [options]

Commands:
  incident new               write content/incidents/<date>-<slug>.md; asks for what is missing
      --title TEXT             headline in the default language (--title-sv TEXT etc. for others)
      --severity ID            a level from severities.yaml
      --scope own|third-party  whose software failed (default: own)
      --system-wide            the whole service is hit (a root-cause report is due)
      --affects ID[:IMPACT]    affected product, repeatable or comma-separated; IMPACT is
                               degraded_performance, partial_outage or major_outage
      --impact IMPACT          impact for products given without one (default: partial_outage)
      --started TIME           when the problem began (default: now)
      --status STATUS          first update's status (default: investigating)
      --message TEXT           first update for customers (--message-sv TEXT etc.)
      --at TIME                time of the first update (default: now)
      --slug SLUG              file name after the date (default: from the title)
      --publish                commit the file alone and push it (see below)
  incident update <id>       append an update
      --status STATUS          investigating, identified, monitoring or resolved
                               (default: the last update's)
      --message TEXT           the update for customers (--message-sv TEXT etc.)
      --at TIME                default: now
      --force                  allow a status that goes back (monitoring to identified)
      --reopen                 post to a resolved incident, which reopens it
      --publish                commit the file alone and push it (see below)
  incident resolve <id>      append the resolved update, set resolved, print the SLA outcome
      --message TEXT, --at TIME, --publish
  maintenance new            write content/maintenance/<date>-<slug>.md; asks for what is missing
      --title TEXT             headline (--title-sv TEXT etc.)
      --products ID,ID         affected products, repeatable or comma-separated
      --start TIME, --end TIME the window (a local end time is read in the start's zone)
      --message TEXT           the first notice (--message-sv TEXT etc.)
      --at TIME, --slug SLUG, --publish   as for incident new
  check                      validate content without building; then the policy's warnings
      --format text|github     github: also print ::error/::warning annotation lines
      --strict                 warnings fail the check too
  list                       open incidents and maintenance in progress or upcoming

Every command takes --content DIR (default: $PHAROS_CONTENT, else ./content).
A TIME is "now", ISO 8601 with an offset ("2026-11-22T14:00:00+01:00"), or a local time with
a zone ("2026-11-22 14:00 Europe/Stockholm"); a local time without one is read in --zone ZONE,
else this computer's zone. It is always written as ISO 8601 with the offset, "now" in the
site's time zone. A local time in the hour that repeats when clocks go back is read as its
first occurrence, with a warning saying how to write the second. Files are written only if the
whole content folder then passes the check, and whole or not at all; comments and text already
in a file are kept.

Commands that write print a "Publish:" line (git add, commit, push) that is safe to paste into a
shell. With --publish they run it themselves: only the written file is committed, and it is
pushed to the branch's upstream. If someone pushed first, their commits are fetched and yours is
rebased onto them; if they changed the same incident, your update is made again on their version
(in time order) before pushing again (3 pushes at most). --publish needs a git working tree with no other
changes to tracked files and no commits waiting to be pushed; when it cannot push (no remote, no
upstream branch, remote unreachable) the file stays written and the message says what to do.

Exit status: 0 done, 1 refused or invalid content (nothing was written) or written but not
published (the message says which), 2 wrong usage.

Environment:
  PHAROS_CONTENT   content folder (default: content)
  PHAROS_NOW       "now", ISO 8601 with offset (default: site.yaml's now, else the clock)
  PHAROS_SITE      public URL of the site, overriding site.yaml's url
  PHAROS_BASE      sub-path the site is served under, overriding site.yaml's base
`;
