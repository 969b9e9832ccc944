"""Ruby: LeetCode's stub (`def two_sum(nums, target)` with YARD comments; design problems as a class with
`initialize` and snake_case methods) and the driver.

The program is the user's code first (lines unchanged), then ListNode/TreeNode (LeetCode's, when used),
then the driver. Its `BEGIN { }` block runs before any of the user's code, top-level code included: it
keeps a duplicate of fd 1 for the results and reopens STDOUT onto stderr (every way of printing then goes
to stderr: `puts`, `STDOUT.write`, `$stdout`, subprocesses).

Returned values are checked against the declared type: Integer in range for int/long, Float (or
Integer) for double, true/false for bool, a one-character ASCII String for char, Arrays, nil or nodes for
ListNode/TreeNode (no cycles); anything else is written as `!`.
"""

from __future__ import annotations

from algocode_contracts.functions.languages.common import Call, calls, node_definitions, uses
from algocode_contracts.functions.signature import DesignSignature, Param, Signature, Type, snake_case

LIST_NODE = """class ListNode
    attr_accessor :val, :next
    def initialize(val = 0, _next = nil)
        @val = val
        @next = _next
    end
end"""

TREE_NODE = """class TreeNode
    attr_accessor :val, :left, :right
    def initialize(val = 0, left = nil, right = nil)
        @val = val
        @left = left
        @right = right
    end
end"""

_DOC = {
    "int": "Integer",
    "long": "Integer",
    "double": "Float",
    "bool": "Boolean",
    "string": "String",
    "char": "Character",
    "ListNode": "ListNode",
    "TreeNode": "TreeNode",
    "void": "Void",
}
_DEFAULTS = {"int": "0", "long": "0", "double": "0.0", "bool": "false", "string": '""', "char": '"\\0"'}

_BEGIN = """BEGIN {
  $algocode_results = STDOUT.dup
  $algocode_results.binmode
  STDOUT.reopen(STDERR)
  STDOUT.sync = true
}
"""

_RUNTIME = r"""
module AlgocodeDriver
  class Wrong < StandardError; end

  INT = (-2**31..2**31 - 1)
  LONG = (-2**63..2**63 - 1)

  def self.token
    start = @b.index(/[^ \t\r\n]/, @p)
    raise "algocode driver: the input ended early" if start.nil?
    @p = @b.index(/[ \t\r\n]/, start) || @b.bytesize
    @b.byteslice(start, @p - start)
  end

  def self.read(base, dims)
    return Array.new(token.to_i) { read(base, dims - 1) } if dims > 0
    case base
    when :int, :long then token.to_i
    when :double then Float(token)
    when :bool then token == "1"
    when :char then token.to_i.chr
    when :string
      n = token.to_i
      s = @b.byteslice(@p + 1, n)
      @p += 1 + n
      s.force_encoding(Encoding::UTF_8)
    when :ListNode
      head = tail = nil
      token.to_i.times do
        node = ListNode.new(token.to_i, nil)
        if tail.nil? then head = node else tail.next = node end
        tail = node
      end
      head
    when :TreeNode
      n = token.to_i
      return nil if n == 0
      values = Array.new(n) { t = token; t == "#" ? nil : t.to_i }
      root = TreeNode.new(values[0], nil, nil)
      queue = [root]
      i = 1
      while i < n
        parent = queue.shift
        unless values[i].nil?
          parent.left = TreeNode.new(values[i], nil, nil)
          queue << parent.left
        end
        i += 1
        if i < n && !values[i].nil?
          parent.right = TreeNode.new(values[i], nil, nil)
          queue << parent.right
        end
        i += 1
      end
      root
    end
  end

  def self.int(v)
    raise Wrong unless v.is_a?(Integer) && INT.cover?(v)
    v.to_s
  end

  def self.put(base, dims, v, out)
    if dims > 0
      raise Wrong unless v.is_a?(Array)
      out << v.size.to_s
      v.each { |x| put(base, dims - 1, x, out) }
      return
    end
    case base
    when :int then out << int(v)
    when :long
      raise Wrong unless v.is_a?(Integer) && LONG.cover?(v)
      out << v.to_s
    when :double
      raise Wrong unless v.is_a?(Float) || v.is_a?(Integer)
      out << v.to_f.to_s
    when :bool
      raise Wrong unless v == true || v == false
      out << (v ? "1" : "0")
    when :char
      raise Wrong unless v.is_a?(String) && v.bytesize == 1 && v.ord < 128
      out << v.ord.to_s
    when :string
      raise Wrong unless v.is_a?(String)
      bytes = (v.encoding == Encoding::UTF_8 ? v : v.encode(Encoding::UTF_8)).b
      out << "#{bytes.bytesize} ".b + bytes
    when :ListNode
      items = []
      seen = {}.compare_by_identity
      node = v
      until node.nil?
        raise Wrong if seen.key?(node) || !node.respond_to?(:val) || !node.respond_to?(:next)
        seen[node] = true
        items << int(node.val)
        node = node.next
      end
      out << items.size.to_s
      out.concat(items)
    when :TreeNode
      items = []
      seen = {}.compare_by_identity
      queue = v.nil? ? [] : [v]
      i = 0
      while i < queue.size
        node = queue[i]
        i += 1
        if node.nil?
          items << "#"
          next
        end
        raise Wrong if seen.key?(node) || !node.respond_to?(:left) || !node.respond_to?(:right)
        seen[node] = true
        items << int(node.val)
        queue << node.left << node.right
      end
      items.pop while items.last == "#"
      out << items.size.to_s
      out.concat(items)
    end
  end

  def self.emit(base, dims, v)
    out = []
    put(base, dims, v, out)
    out.join(" ")
  rescue Wrong, Encoding::UndefinedConversionError, Encoding::InvalidByteSequenceError
    "!"
  end
"""


def doc_type(t: Type) -> str:
    return _DOC[t.base] + "[]" * t.dims


def _default(t: Type) -> str:
    if t.dims:
        return "[]"
    if t.base in ("ListNode", "TreeNode"):
        return "nil"
    return _DEFAULTS[t.base]


def _doc(params: tuple[Param, ...], returns: Type | None, indent: str = "") -> str:
    lines = [f"{indent}# @param {{{doc_type(p.type)}}} {snake_case(p.name)}" for p in params]
    if returns is not None:
        lines.append(f"{indent}# @return {{{doc_type(returns)}}}")
    return "".join(line + "\n" for line in lines)


def _args(params: tuple[Param, ...]) -> str:
    return ", ".join(snake_case(p.name) for p in params)


def _definitions(signature: Signature) -> str:
    return node_definitions(signature, LIST_NODE, TREE_NODE, line="#")


def stub(signature: Signature) -> str:
    out = _definitions(signature)
    if isinstance(signature, DesignSignature):
        cls = signature.class_name
        out += f"class {cls}\n\n" + _doc(signature.constructor, None, "    ")
        out += f"    def initialize({_args(signature.constructor)})\n\n    end\n"
        for method in signature.methods:
            returns = None if method.returns.is_void else method.returns
            out += "\n" + _doc(method.params, returns, "    ")
            out += f"    def {snake_case(method.name)}({_args(method.params)})\n"
            out += "\n" if method.returns.is_void else f"        {_default(method.returns)}\n"
            out += "    end\n"
        out += "end\n"
        out += f"\n# Your {cls} object will be instantiated and called as such:\n"
        out += f"# obj = {cls}.new({_args(signature.constructor)})\n"
        for number, method in enumerate(signature.methods, 1):
            call = f"obj.{snake_case(method.name)}({_args(method.params)})"
            out += f"# {call}\n" if method.returns.is_void else f"# param_{number} = {call}\n"
        return out
    f = signature.function
    out += _doc(f.params, f.returns)
    return out + f"def {snake_case(f.name)}({_args(f.params)})\n    {_default(f.returns)}\nend\n"


def _read(t: Type) -> str:
    return f"read(:{t.base}, {t.dims})"


def _call(call: Call, target: str, indent: str) -> list[str]:
    lines = [f"{indent}a{i} = {_read(p.type)}" for i, p in enumerate(call.params)]
    args = ", ".join(f"a{i}" for i in range(len(call.params)))
    assert call.returns is not None
    if call.returns.is_void:
        lines.append(f"{indent}{target}({args})")
        lines.append(f'{indent}lines << "-"')
    else:
        lines.append(f"{indent}lines << emit(:{call.returns.base}, {call.returns.dims}, {target}({args}))")
    return lines


def _main(signature: Signature) -> str:
    lines = ["  def self.main", "    @b = STDIN.binmode.read", "    @p = 0", "    lines = []"]
    if isinstance(signature, DesignSignature):
        constructor, *methods = calls(signature)
        lines.append("    count = token.to_i")
        lines.append("    token # 0: the constructor")
        lines += [f"    c{i} = {_read(p.type)}" for i, p in enumerate(constructor.params)]
        args = ", ".join(f"c{i}" for i in range(len(constructor.params)))
        lines.append(f"    obj = {signature.class_name}.new({args})")
        lines.append('    lines << "-"')
        lines.append("    (count - 1).times do")
        lines.append("      case token.to_i")
        for method in methods:
            lines.append(f"      when {method.index}")
            lines += _call(method, f"obj.{snake_case(method.name)}", "        ")
        lines.append('      else raise "algocode driver: unknown call"')
        lines.append("      end")
        lines.append("    end")
    else:
        (call,) = calls(signature)
        lines += _call(call, snake_case(call.name), "    ")
    lines.append('    $algocode_results.write(lines.join("\\n") + "\\n")')
    lines.append("    $algocode_results.flush")
    lines.append("  end")
    lines.append("end")
    lines.append("")
    lines.append("AlgocodeDriver.main")
    return "\n".join(lines) + "\n"


def program(signature: Signature, source: str) -> str:
    parts = [source]
    if not source.endswith("\n"):
        parts.append("\n")
    parts.append("\n# The judge's driver (not part of the submission).\n")
    if uses(signature, "ListNode"):
        parts.append(LIST_NODE + "\n")
    if uses(signature, "TreeNode"):
        parts.append(TREE_NODE + "\n")
    parts += [_BEGIN, _RUNTIME, _main(signature)]
    return "".join(parts)
