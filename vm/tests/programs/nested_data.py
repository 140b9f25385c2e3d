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
