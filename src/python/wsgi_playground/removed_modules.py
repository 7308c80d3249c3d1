"""Standard-library modules that Python 3.14 no longer has: which release removed each, and
what to use instead, for the message of the ``ModuleNotFoundError`` an old app meets."""

#: PEP 594 ("dead batteries"), PEP 632 (distutils), and ``imp``: module -> (release, instead).
REMOVED = {
    "aifc": ("3.13", "PEP 594", "no replacement in the standard library"),
    "asynchat": ("3.12", "PEP 594", "asyncio"),
    "asyncore": ("3.12", "PEP 594", "asyncio"),
    "audioop": ("3.13", "PEP 594", "no replacement in the standard library"),
    "cgi": (
        "3.13",
        "PEP 594",
        "urllib.parse.parse_qs for a query string or a url-encoded form, email.parser (or "
        "the multipart package) for multipart/form-data, html.escape for cgi.escape",
    ),
    "cgitb": ("3.13", "PEP 594", "the traceback module"),
    "chunk": ("3.13", "PEP 594", "no replacement in the standard library"),
    "crypt": ("3.13", "PEP 594", "hashlib (or the passlib package)"),
    "distutils": ("3.12", "PEP 632", "setuptools, or sysconfig and shutil"),
    "imghdr": ("3.13", "PEP 594", "the file's first bytes (or the filetype package)"),
    "imp": ("3.12", "deprecated since 3.4", "importlib (importlib.reload for imp.reload)"),
    "lib2to3": ("3.13", "PEP 594", "no replacement in the standard library"),
    "mailcap": ("3.13", "PEP 594", "mimetypes"),
    "msilib": ("3.13", "PEP 594", "no replacement in the standard library"),
    "nis": ("3.13", "PEP 594", "no replacement in the standard library"),
    "nntplib": ("3.13", "PEP 594", "no replacement in the standard library"),
    "ossaudiodev": ("3.13", "PEP 594", "no replacement in the standard library"),
    "pipes": ("3.13", "PEP 594", "shlex.quote"),
    "smtpd": ("3.12", "PEP 594", "the aiosmtpd package"),
    "sndhdr": ("3.13", "PEP 594", "the filetype package"),
    "spwd": ("3.13", "PEP 594", "no replacement in the standard library"),
    "sunau": ("3.13", "PEP 594", "no replacement in the standard library"),
    "telnetlib": ("3.13", "PEP 594", "the telnetlib3 package"),
    "uu": ("3.13", "PEP 594", "base64 or binascii"),
    "xdrlib": ("3.13", "PEP 594", "struct"),
}


def removed_note(error):
    """For a ``ModuleNotFoundError`` of a module Python removed, the words that say so (else
    None): ``cgi was removed from the standard library in Python 3.13 (PEP 594); use …``."""
    if not isinstance(error, ModuleNotFoundError) or not isinstance(error.name, str):
        return None
    top = error.name.partition(".")[0]
    found = REMOVED.get(top)
    if found is None:
        return None
    release, why, instead = found
    return "%s was removed from the standard library in Python %s (%s); use %s" % (
        top,
        release,
        why,
        instead,
    )
