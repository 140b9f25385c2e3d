# Chaos game: an iterated function system (the Barnsley fern's four affine maps, chosen at random
# by weight) drives a point; where it lands is counted on a grid and drawn as text.
import random


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


class Chaos:
    def __init__(self, maps, seed):
        self.maps = maps
        self.rng = random.Random(seed)
        total = sum(m.weight for m in maps)
        self.thresholds = []
        running = 0.0
        for m in maps:
            running += m.weight / total
            self.thresholds.append(running)

    def pick(self):
        r = self.rng.random()
        for m, t in zip(self.maps, self.thresholds):
            if r < t:
                return m
        return self.maps[-1]

    def run(self, points, width, height, box):
        (x0, x1), (y0, y1) = box
        grid = [[0] * width for _ in range(height)]
        x, y = 0.0, 0.0
        for n in range(points):
            x, y = self.pick().apply(x, y)
            if n < 20:
                continue
            col = int((x - x0) / (x1 - x0) * (width - 1))
            row = int((y1 - y) / (y1 - y0) * (height - 1))
            if 0 <= col < width and 0 <= row < height:
                grid[row][col] += 1
        return grid


def draw(grid):
    shades = " .:-=+*#%@"
    top = max(max(row) for row in grid)
    lines = []
    for row in grid:
        lines.append("".join(shades[min(9, (9 * c * 4) // top)] if c else " " for c in row).rstrip())
    return lines


fern = [
    Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
    Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
    Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
    Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7),
]
game = Chaos(fern, 1234)
grid = game.run(120000, 48, 30, ((-2.2, 2.7), (0.0, 10.0)))
for line in draw(grid):
    print(line)
print(sum(sum(row) for row in grid), max(max(row) for row in grid))
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# |                                      .*@@@@@@@@
# |                                  *=@@@@@@@@:
# |                              -.@*@@#%%@@@@
# |                           =-+@##%*+#*@@@%
# |                        :# @%#+++=*+=#%#@:
# |                     .+ #%=#==+-++-=*##%%
# |                     #@-=+-=+-.+=:=***##=
# |                  @+ +==++=:.-*::-=+*+*@.
# |              .=  #++-+-:::-.#.----==+=@=
# |              %@- -=:--=:: .+..--=+=++=:*
# |          .=  +=====-::.:::#::::::-===*@.
# |          %@- .=-::--:-. .-:..::==--=-:.@
# |          =+==-:::.:..::::*.::..::----=%=
# |      @:  .=-::-=-=:.. ..+  ..:--=----=  @
# |     .#*=: .--....:::.: =:.:.:.:..:-:..=##
# |      ==:-=-:-::........#......:-=-:-=-+-
# | #@    =-::.:::-::.   ..-  ..::-:::::-:  :@%
# | **+-.  -::....:.::.-  # .:.......::: .-=+*
# | :=-:=-:.:...... . ....#.. ....::-----:---   =
# |  --::::.:--:-...   . :-   ..:.:::.:.:::.  :#@
# |   ::::......:.:. :   +  .:.:.......::. .:=+*:
# |    .::....... ...... # ... .  ....::.:=-:-=.
# |      ........ .. .. .# .  .....:--::.:..:-.
# |       ...... .    .. -    .....:......:::
# |                      +  .:.... . ....:.
# |                      # ...  . ........
# |                      #  .  .   .....
# |                      +
# |                      .
# |
# | 119980 1650
