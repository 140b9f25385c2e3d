# `**` (right-associative, tighter than unary minus), true division, bitwise and shift operators.
print(2 ** 10, 2 ** -1, -2 ** 2, (-2) ** 2, 2 ** 3 ** 2, 10 ** 18, 0 ** 0, 2.0 ** -2, 4 ** 0.5)
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 10 / 4 * 4)
print(5 & 3, 5 | 3, 5 ^ 3, 1 << 10, -16 >> 2, ~5, ~-1, ~True, True & False, True | False, True ^ True, 1 << 62)
print(0xff & 0x0f, 0b1010 | 0b0101, 255 >> 4, -1 >> 100, 6 & -6, 1 | 2 ^ 3 & 4 << 1)
b = 6
b &= 3
b |= 8
b ^= 1
b <<= 2
b >>= 1
print(b)
p = 3
p **= 4
print(p, pow(2, 10), pow(2, 10, 1000), pow(-3, 3, 7), pow(3, 3, -7))
flags = 0
for bit in [0, 3, 5]:
    flags |= 1 << bit
print(flags, [bit for bit in range(8) if flags & (1 << bit)], bin(flags) if False else flags.bit_length() if False else flags)
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | 1024 0.5 -4 4 512 1000000000000000000 1 0.25 2.0
# | 3.5 -3.5 2.0 0.3333333333333333 10.0
# | 1 7 6 1024 -4 -6 0 -2 False True False 4611686018427387904
# | 15 15 15 -1 2 3
# | 22
# | 81 1024 24 1 -1
# | 41 [0, 3, 5] 41
