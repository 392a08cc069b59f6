#!/bin/sh
# Skips itself: TAP's skip-all plan.
echo "1..0 # SKIP no database here"
