# Nested containers: dict of lists, list of dicts, tuples of lists; mutation via aliases.
db = {"alice": [90, 85], "bob": [70], "carol": []}
db["bob"].append(95)
db["carol"].extend([60, 65, 70])
for name, scores in db.items():
    avg = sum(scores) // len(scores) if scores else None
    print(name, scores, avg)
people = [{"name": "x", "tags": ["a"]}, {"name": "y", "tags": []}]
people[1]["tags"].append("b")
people[0]["age"] = 30
print(people)
alias = people[0]["tags"]
alias.append("c")
print(people[0])
t = ([1], [2])
t[0].append(10)
print(t)
tree = ["root", [["left", []], ["right", [["leaf", []]]]]]
def count_nodes(node):
    n = 1
    for child in node[1]:
        n += count_nodes(child)
    return n
def names(node, depth, out):
    out.append("  " * depth + node[0])
    for child in node[1]:
        names(child, depth + 1, out)
    return out
print(count_nodes(tree))
for line in names(tree, 0, []):
    print(line)
index = {}
for name, scores in db.items():
    for s in scores:
        index[s] = index.get(s, []) + [name]
print(index)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | alice [90, 85] 87
# | bob [70, 95] 82
# | carol [60, 65, 70] 65
# | [{'name': 'x', 'tags': ['a'], 'age': 30}, {'name': 'y', 'tags': ['b']}]
# | {'name': 'x', 'tags': ['a', 'c'], 'age': 30}
# | ([1, 10], [2])
# | 4
# | root
# |   left
# |   right
# |     leaf
# | {90: ['alice'], 85: ['alice'], 70: ['bob', 'carol'], 95: ['bob'], 60: ['carol'], 65: ['carol']}
