#!/bin/sh
# `npm test`: the type check and the linters (`npm run checks`) run beside the tests instead of
# before them, as the tests alone keep both cores busy only once they are under way; their output
# follows the tests'. Arguments go to vitest (`npm test -- test/unit`). Fails if either fails.
npm run checks > node_modules/.checks.log 2>&1 &
checks=$!
vitest run "$@"
tests=$?
wait $checks
checked=$?
cat node_modules/.checks.log
[ $checked -eq 0 ] || echo "npm test: the type check or a linter failed (above)" >&2
exit $((tests ? tests : checked))
