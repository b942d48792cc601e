-- Run by neovim.test after docs/integration/nvim/tether.lua: waits until the
-- LSP client has published a tether-* diagnostic for the current buffer,
-- writes every diagnostic to $TETHER_NVIM_OUT as `line: [source] code:
-- message`, and quits.
local out = assert(os.getenv("TETHER_NVIM_OUT"))
local timeout = tonumber(os.getenv("TETHER_NVIM_TIMEOUT") or "240") * 1000

local function has_tether()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if type(d.code) == "string" and d.code:match("^tether%-") then
      return true
    end
  end
  return false
end

local ok = vim.wait(timeout, has_tether, 200)
local f = assert(io.open(out, "w"))
f:write(string.format("clients: %d\n", #vim.tbl_keys(vim.lsp.buf_get_clients(0))))
for _, d in ipairs(vim.diagnostic.get(0)) do
  f:write(string.format("%d: [%s] %s: %s\n", d.lnum + 1, tostring(d.source),
    tostring(d.code), (d.message:gsub("\n.*", ""))))
end
f:write(ok and "done\n" or "timed out\n")
f:close()
vim.cmd("qa!")
