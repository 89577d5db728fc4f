"""The words of what keeps files whole and output sane: concurrent writers,
write targets, output channels and text from outside (issue 11).
Key → (bokmål, English)."""

from __future__ import annotations

SAFETY_WORDS: dict[str, tuple[str, str]] = {
    # Two writers of one plan.
    "error.plan.locked": ("en annen navplan skriver planen nå; ventet {seconds} sekunder",
                          "another navplan is writing the plan; waited {seconds} seconds"),
    "hint.plan.locked": ("ingenting er skrevet; prøv igjen om litt", "nothing was written; try again in a moment"),
    "error.plan.cannot_lock": ("kan ikke låse planen for skriving: {reason}",
                               "cannot lock the plan for writing: {reason}"),
    "error.plan.lock_not_a_file": ("kan ikke låse planen for skriving: {lock} {what}",
                                   "cannot lock the plan for writing: {lock} {what}"),
    "lock.is_folder": ("er en mappe", "is a folder"),
    "lock.is_link": ("er en symbolsk lenke, som navplan ikke følger",
                     "is a symbolic link, which navplan does not follow"),
    "lock.is_special": ("er ikke en vanlig fil", "is not a regular file"),
    "hint.plan.remove_lock": ("ingenting er skrevet; fjern den: navplan lager låsefilen sin der",
                              "nothing was written; remove it: navplan makes its lock file there"),
    # Where a file may be written.
    "error.write.read_only": ("er skrivebeskyttet, så navplan erstatter den ikke",
                              "is read-only, so navplan does not replace it"),
    "hint.write.read_only": ("gjør filen skrivbar først (chmod u+w) hvis den skal endres",
                             "make the file writable first (chmod u+w) if it is to change"),
    "error.write.is_the_plan": ("er planen som leses; den skrives ikke over, heller ikke med --force",
                                "is the plan being read; it is not written over, not even with --force"),
    "hint.write.is_the_plan": ("gi utdata et annet navn", "give the output another name"),
    "error.write.folder_name": ("er et mappenavn; oppgi en fil", "names a folder; name a file"),
    "hint.write.folder_name": ("navngi en fil i mappen, f.eks. {folder}FIL", "name a file in it, e.g. {folder}FILE"),
    # Text from outside.
    "error.value.control_character_note": (
        "teksten har et kontrolltegn (U+{code}) på plass {position}: et notat kan ha linjeskift og tabulatorer, "
        "ingen andre kontrolltegn",
        "the text holds a control character (U+{code}) at position {position}: a note may hold line breaks and "
        "tabs, no other control character"),
    # Output channels.
    "error.output.cannot_write": ("kan ikke skrive til standard ut: {reason}",
                                  "cannot write to standard output: {reason}"),
    "os.EBADF": ("den er lukket", "it is closed"),
    # A county's portfolio.
    "error.portfolio.unreadable_folder": ("mappen kan ikke leses, så planer under den er ikke med: {reason}",
                                          "the folder cannot be read, so plans below it are left out: {reason}"),
}
