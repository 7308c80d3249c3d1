"""Library and stdlib files named by a run's stacks come with their text."""

import unittest

from wsgi_playground.library_sources import library_sources, module_name, named_files


class LibrarySourcesTest(unittest.TestCase):
    def test_reads_the_stdlib_files_a_stack_names_once_each(self):
        frame = {"file": "wsgiref/util.py", "line": 30, "function": "f", "origin": "stdlib"}
        items = [
            {"kind": "yield", "stack": [{"file": "app.py", "origin": "project"}, frame]},
            {"kind": "exception", "traceback": [frame]},
        ]
        self.assertEqual(named_files(items), ["wsgiref/util.py"])
        sources = library_sources(items)
        self.assertEqual(list(sources), ["wsgiref/util.py"])
        self.assertIn("class FileWrapper", sources["wsgiref/util.py"])

    def test_names_nothing_for_project_frames_and_skips_what_has_no_source(self):
        items = [{"kind": "yield", "stack": [{"file": "views.py", "origin": "project"}]}]
        self.assertIsNone(library_sources(items))
        missing = [{"stack": [{"file": "nowhere/gone.py", "origin": "library"}]}]
        self.assertIsNone(library_sources(missing))

    def test_maps_paths_to_module_names(self):
        self.assertEqual(module_name("werkzeug/wsgi.py"), "werkzeug.wsgi")
        self.assertEqual(module_name("flask/__init__.py"), "flask")
