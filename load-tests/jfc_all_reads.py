#!/usr/bin/python3
"""Writes a JFR settings file: the JDK's own `profile` settings with every blocking socket read recorded.

  jfc_all_reads.py /tmp/all-reads.jfc
  JAVA_OPTS_APPEND="-XX:StartFlightRecording=filename=/tmp/jfr/,settings=/tmp/all-reads.jfc" <run the servers>
  jfr_top.py /tmp/jfr/<recording>.jfr

The profile settings record only socket reads of 10 ms or more, which on a quiet machine hides nearly every JDBC
round trip; with the threshold at 0 each round trip shows, so jfr_top.py's last table counts them per txauth method.
The file is derived from the JDK in use at run time, not kept here.
"""
import os
import re
import shutil
import sys


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    java = shutil.which("java")
    home = os.environ.get("JAVA_HOME") or os.path.dirname(os.path.dirname(os.path.realpath(java)))
    with open(os.path.join(home, "lib", "jfr", "profile.jfc"), encoding="utf-8") as source:
        settings = source.read()
    start = settings.index('name="jdk.SocketRead"')
    end = settings.index("</event>", start)
    event = re.sub(r'(<setting name="threshold"[^>]*>)[^<]*', r"\g<1>0 ms", settings[start:end])
    with open(argv[0], "w", encoding="utf-8") as out:
        out.write(settings[:start] + event + settings[end:])


if __name__ == "__main__":
    main(sys.argv[1:])
