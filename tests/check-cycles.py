#!/usr/bin/env python3
"""No dependency cycles between the source files of src/. TAP.

A module is a .c file together with the .h of the same name. Module A
depends on module B when a file of A includes B's header (#include "..."),
or when A's object file uses a symbol that B's object file defines (nm):
the second catches uses through the installed headers and the private
headers declared away from their implementation. Every cycle is printed
with what makes each of its edges.

Usage: check-cycles.py SRC_DIR BUILD_SRC_DIR
"""
import collections
import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def module(path, root):
    return os.path.splitext(os.path.relpath(path, root))[0]


def include_edges(src):
    edges = collections.defaultdict(dict)
    for folder, _, names in os.walk(src):
        for name in names:
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            for target in INCLUDE.findall(text):
                # As the compiler looks: beside the file, then from src/.
                for base in (folder, src):
                    found = os.path.join(base, target)
                    if os.path.isfile(found):
                        a, b = module(path, src), module(found, src)
                        if a != b:
                            edges[a].setdefault(b, '%s includes %s' % (
                                os.path.relpath(path, src), target))
                        break
    return edges


def object_module(path, build_src):
    # Meson puts the object of src/core/context.c in
    # build/src/core/<target>.p/context.c.o.
    folder = os.path.dirname(os.path.dirname(path))
    source = os.path.basename(path)[:-len('.o')]
    return module(os.path.join(folder, source), build_src)


def symbol_edges(src, build_src):
    defined, used = {}, collections.defaultdict(set)
    for folder, _, names in os.walk(build_src):
        for name in names:
            if not name.endswith('.c.o'):
                continue
            path = os.path.join(folder, name)
            m = object_module(path, build_src)
            # An object left behind by a source file since removed is not
            # part of the program.
            if not os.path.isfile(os.path.join(src, m + '.c')):
                continue
            out = subprocess.run(['nm', path], capture_output=True, text=True,
                                 check=True).stdout
            for line in out.splitlines():
                fields = line.split()
                if len(fields) == 2 and fields[0] == 'U':
                    used[m].add(fields[1])
                elif len(fields) == 3 and fields[1] in 'TDBR':
                    defined[fields[2]] = m
    edges = collections.defaultdict(dict)
    for a, symbols in used.items():
        for symbol in sorted(symbols):
            b = defined.get(symbol)
            if b and b != a:
                edges[a].setdefault(b, '%s uses %s' % (a, symbol))
    return edges, set(used) | set(defined.values())


def cycles(edges):
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    nodes = set(edges) | {b for a in edges for b in edges[a]}

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, {})):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return found


def report(number, what, edges):
    found = cycles(edges)
    if not found:
        print('ok %d - no cycles between %s' % (number, what))
        return True
    print('not ok %d - cycles between %s' % (number, what))
    for component in found:
        print('# cycle: %s' % ' <-> '.join(component))
        for a in component:
            for b, why in sorted(edges[a].items()):
                if b in component:
                    print('#   %s -> %s: %s' % (a, b, why))
    return False


def main():
    src, build_src = sys.argv[1], sys.argv[2]
    includes = include_edges(src)
    symbols, read = symbol_edges(src, build_src)
    both = collections.defaultdict(dict)
    for edges in (includes, symbols):
        for a in edges:
            for b, why in edges[a].items():
                both[a].setdefault(b, why)
    print('1..4')
    ok = report(1, 'the files of src/ by their includes', includes)
    # A check that reads nothing passes for the wrong reason: the library
    # proper (src/core, src/geocode) is always built, so all its objects
    # must have been read.
    library = {module(os.path.join(folder, name), src)
               for part in ('core', 'geocode')
               for folder, _, names in os.walk(os.path.join(src, part))
               for name in names if name.endswith('.c')}
    missing = sorted(library - read)
    if library and not missing:
        print('ok 2 - the objects of all %d files of src/core and src/geocode read '
              '(%d objects in all)' % (len(library), len(read)))
    else:
        print('not ok 2 - no object file under %s for %s' % (build_src, ', '.join(missing)))
        ok = False
    ok = report(3, 'the object files of src/ by their symbols', symbols) and ok
    ok = report(4, 'the modules of src/ by includes and symbols together', both) and ok
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
