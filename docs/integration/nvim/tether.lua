-- tether-clangd in Neovim's built-in LSP client (Neovim 0.7 or later).
-- Put this in your init.lua (or `:luafile` it). tether-clangd must be on
-- PATH; it finds compile_commands.json in a parent directory or its build/.
local tether_clangd = nil

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "c", "cpp" },
  callback = function(args)
    if tether_clangd == nil then
      local file_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h")
      local marker = vim.fn.findfile(".clangd", file_dir .. ";")
      local root = marker ~= "" and vim.fn.fnamemodify(marker, ":p:h") or vim.fn.getcwd()
      tether_clangd = vim.lsp.start_client({
        name = "tether-clangd",
        cmd = { "tether-clangd" },
        root_dir = root,
      })
    end
    vim.lsp.buf_attach_client(args.buf, tether_clangd)
  end,
})
