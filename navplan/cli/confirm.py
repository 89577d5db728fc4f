"""Asking a person at a terminal before a command does something they may not mean
(`sync` writing a plan, `init --git` committing into another repository)."""

from __future__ import annotations


def interactive(env) -> bool:
    """Whether a person can answer: both stdin and stdout are a terminal."""
    stdin_tty = getattr(env.stdin, "isatty", lambda: False)()
    stdout_tty = getattr(env.stdout, "isatty", lambda: False)()
    return bool(stdin_tty and stdout_tty)


#: Answers that mean yes, in either language; anything else is no.
_YES = {"j", "ja", "y", "yes"}
_NO = {"", "n", "nei", "no"}


def confirmed(env, question: str, lang: str) -> bool:
    """Ask only a person at a terminal ([j/N] in bokmål, [y/N] in English); a pipe or a script gets no."""
    from navplan.messages import t

    if not interactive(env):
        return False
    while True:
        env.stdout.write(f"{question} {t('confirm.yes_no', lang)} ")
        env.stdout.flush()
        answer = env.stdin.readline()
        if not answer:  # end of input: no
            return False
        word = answer.strip().casefold()
        if word in _YES or word in _NO:
            return word in _YES
        env.stdout.write(t("confirm.again", lang) + "\n")
