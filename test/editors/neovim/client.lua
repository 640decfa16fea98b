-- Headless Neovim as an independent LSP client for the shitei language server.
--
--   SHITEI_LSP_CMD='["/usr/bin/node","/abs/bin/shitei.js","lsp","--stdio"]' \
--   SHITEI_NVIM_OUT=/tmp/out.json \
--   nvim --headless --clean -u test/editors/neovim/client.lua /tmp/dir/sheet.shitei
--
-- Optional environment:
--   SHITEI_NVIM_OFFER_ENCODINGS  comma-separated list (e.g. "utf-8,utf-16") sent as clangd's
--                                `capabilities.offsetEncoding` (and `general.positionEncodings`);
--                                the answer then sets client.offset_encoding in on_init, the way
--                                Neovim 0.7's documentation describes. Unset: Neovim's stock
--                                capabilities and stock negotiation.
--   SHITEI_NVIM_CODE             diagnostic code to fix (default measure-invalid)
--   SHITEI_NVIM_STEP_MS          timeout of each waiting step (default 8000)
--   SHITEI_NVIM_HARD_MS          hard overall timeout (default 20000)
--
-- Works with the 0.7 API (vim.lsp.start_client, buf_attach_client) and newer releases.
-- Whatever happens, it writes one JSON object to SHITEI_NVIM_OUT ({error=...} on failure) and
-- exits: 0 on success, 1 on a reported failure, 3 on the hard timeout.

local out_path = os.getenv('SHITEI_NVIM_OUT') or ''
local cmd_json = os.getenv('SHITEI_LSP_CMD') or ''
local offer = os.getenv('SHITEI_NVIM_OFFER_ENCODINGS')
local wanted_code = os.getenv('SHITEI_NVIM_CODE') or 'measure-invalid'
local step_ms = tonumber(os.getenv('SHITEI_NVIM_STEP_MS') or '') or 8000
local hard_ms = tonumber(os.getenv('SHITEI_NVIM_HARD_MS') or '') or 20000

local json_encode = (vim.json and vim.json.encode) or vim.fn.json_encode
local json_decode = (vim.json and vim.json.decode) or vim.fn.json_decode

local finished = false
local trace = {} -- short log of what happened, returned in the JSON for debugging
local partial = {} -- what is known so far, reported even when a later step fails
local t0 = vim.loop.hrtime()
local lsp_client_id -- set once vim.lsp.start_client has answered

local function log(msg)
  trace[#trace + 1] = string.format('%5d ms  %s', math.floor((vim.loop.hrtime() - t0) / 1e6), msg)
end

local function write_file(text)
  if out_path == '' then
    io.stderr:write(text .. '\n')
    return
  end
  local f = io.open(out_path, 'w')
  if f then
    f:write(text)
    f:close()
  end
end

-- Pure Lua escaping so the hard-timeout path needs no Vim API (it may run in a fast event).
local function lua_json_string(s)
  s = tostring(s):gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' end
    if c == '\\' then return '\\\\' end
    return string.format('\\u%04x', c:byte())
  end)
  return '"' .. s .. '"'
end

-- Hard overall timeout: a libuv timer keeps firing even if the main loop is stuck in a wait.
local hard_timer = vim.loop.new_timer()
hard_timer:start(hard_ms, 0, function()
  if finished then return end
  finished = true
  -- os.exit skips Neovim's own shutdown of language servers: end ours first.
  pcall(function()
    local c = vim.lsp.get_client_by_id(lsp_client_id)
    if c and c.rpc and c.rpc.pid then vim.loop.kill(c.rpc.pid, 'sigterm')
    elseif c and c.rpc and c.rpc.terminate then c.rpc.terminate() end
  end)
  write_file('{"error":' .. lua_json_string('hard timeout after ' .. hard_ms .. ' ms') ..
    ',"trace":[' .. table.concat(vim.tbl_map(lua_json_string, trace), ',') .. ']}')
  os.exit(3)
end)

local function finish(result, code)
  if finished then return end
  finished = true
  hard_timer:stop()
  result.trace = trace
  local ok, text = pcall(json_encode, result)
  if not ok then
    text = '{"error":' .. lua_json_string('could not encode the result: ' .. tostring(text)) .. '}'
  end
  write_file(text)
  -- Stop the server politely, then leave without waiting for it.
  if lsp_client_id then pcall(vim.lsp.stop_client, lsp_client_id, true) end
  vim.cmd((code == 0) and 'qa!' or ('cq! ' .. tostring(code)))
end

local function fail(msg, extra)
  local r = extra or partial
  r.error = msg
  finish(r, 1)
end

-- Wait for cond() or fail with `what` after step_ms.
local function wait_for(what, cond)
  local ok = vim.wait(step_ms, cond, 10)
  if not ok then
    error({ waiting = 'timed out after ' .. step_ms .. ' ms waiting for ' .. what }, 0)
  end
end

local function simplify(d)
  local code = d.code
  if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
  return {
    code = code,
    lnum = d.lnum,
    col = d.col,
    end_lnum = d.end_lnum,
    end_col = d.end_col,
    severity = d.severity,
    message = d.message,
  }
end

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(bufnr)
  if fname == '' then return fail('no file given on the command line') end
  if out_path == '' then return fail('SHITEI_NVIM_OUT is not set') end
  local okc, cmd = pcall(json_decode, cmd_json)
  if not okc or type(cmd) ~= 'table' or #cmd == 0 then
    return fail('SHITEI_LSP_CMD must be a JSON array of strings, got: ' .. cmd_json)
  end

  vim.bo[bufnr].filetype = 'shitei'

  local state = {
    status = {},          -- every shitei/status state, in order
    ready_at = nil,       -- publish count when 'ready' arrived
    publishes = 0,        -- publishDiagnostics for our buffer
    last_raw = nil,       -- last raw LSP diagnostics for our buffer
    last_version = nil,
    exited = nil,
    init_result = nil,
  }
  local uri = vim.uri_from_bufnr(bufnr)

  local capabilities = vim.lsp.protocol.make_client_capabilities()
  local offered
  if offer and offer ~= '' then
    offered = vim.split(offer, ',', { plain = true })
    capabilities.offsetEncoding = offered
    capabilities.general = capabilities.general or {}
    capabilities.general.positionEncodings = offered
  end

  local handlers = {
    ['shitei/status'] = function(_, result, _)
      local s = result and result.state or '?'
      state.status[#state.status + 1] = s
      log('shitei/status ' .. s)
      if s == 'ready' or s == 'failed' then state.ready_at = state.publishes end
    end,
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri == uri then
        state.publishes = state.publishes + 1
        state.last_raw = result.diagnostics
        state.last_version = result.version
        log(string.format('publishDiagnostics #%d version=%s n=%d', state.publishes,
          tostring(result.version), #(result.diagnostics or {})))
      end
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
    end,
    -- Keep the headless run quiet: these would otherwise go through vim.notify.
    ['window/showMessage'] = function(_, result) log('showMessage ' .. tostring(result and result.message)) end,
    ['window/logMessage'] = function(_, result) log('logMessage ' .. tostring(result and result.message)) end,
    ['client/registerCapability'] = function() return vim.NIL end,
  }

  local dir = vim.fn.fnamemodify(fname, ':p:h')
  local client_id = vim.lsp.start_client({
    name = 'shitei',
    cmd = cmd,
    cmd_cwd = dir,
    root_dir = dir,
    capabilities = capabilities,
    handlers = handlers,
    flags = { debounce_text_changes = 0 },
    on_init = function(client, result)
      state.init_result = result
      if offered then
        local enc = (result.capabilities and result.capabilities.positionEncoding) or result.offsetEncoding
        if enc then client.offset_encoding = enc end
      end
      log('initialized, offset_encoding=' .. tostring(client.offset_encoding))
    end,
    on_exit = function(code, signal)
      state.exited = { code = code, signal = signal }
      log('server exited code=' .. tostring(code) .. ' signal=' .. tostring(signal))
    end,
  })
  if not client_id then return fail('vim.lsp.start_client returned nil') end
  lsp_client_id = client_id
  vim.lsp.buf_attach_client(bufnr, client_id)
  log('attached client ' .. client_id)

  local function check_alive()
    if state.exited then error({ waiting = 'the server exited early (code ' .. tostring(state.exited.code) .. ')' }, 0) end
  end

  -- 1. Diagnostics appear, and the dictionary is loaded and a publish came after it
  --    (token-based rules have run).
  wait_for('initial diagnostics after shitei/status ready', function()
    check_alive()
    return state.ready_at ~= nil and state.publishes > state.ready_at
      and #vim.diagnostic.get(bufnr) > 0
  end)
  local client = vim.lsp.get_client_by_id(client_id)
  if state.status[#state.status] ~= 'ready' then
    return fail('the server reported shitei/status ' .. tostring(state.status[#state.status]))
  end

  local before = vim.tbl_map(simplify, vim.diagnostic.get(bufnr))
  local raw_before = state.last_raw or {}

  -- 2. Code actions for the range of the wanted diagnostic.
  local target
  for _, d in ipairs(raw_before) do
    if d.code == wanted_code then target = d break end
  end
  local init = state.init_result or {}
  local base = partial
  for k, v in pairs({
    nvim_version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch),
    offered_encodings = offered,
    offset_encoding = client.offset_encoding,
    server_position_encoding = init.capabilities and init.capabilities.positionEncoding,
    server_offset_encoding = init.offsetEncoding,
    status = state.status,
    diagnostics_before = before,
    raw_before = raw_before,
  }) do base[k] = v end
  if not target then return fail('no ' .. wanted_code .. ' diagnostic among the published ones', base) end
  base.target_range = target.range

  local params = {
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target }, only = { 'quickfix' } },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, step_ms)
  if not responses then return fail('codeAction request failed: ' .. tostring(err), base) end
  local actions = {}
  for _, resp in pairs(responses) do
    local rerr = resp.error or resp.err
    if rerr then return fail('codeAction error: ' .. tostring(rerr.message or vim.inspect(rerr)), base) end
    for _, a in ipairs(resp.result or {}) do actions[#actions + 1] = a end
  end
  base.action_titles = vim.tbl_map(function(a) return a.title end, actions)

  local function fixes_target(a)
    if a.command and type(a.command) == 'string' then return false end -- a bare Command
    if not a.edit then return false end
    if a.kind and a.kind ~= 'quickfix' and not vim.startswith(a.kind, 'quickfix.') then return false end
    for _, d in ipairs(a.diagnostics or {}) do
      if d.code == wanted_code then return true end
    end
    return false
  end
  local chosen
  for _, a in ipairs(actions) do
    if fixes_target(a) and a.isPreferred then chosen = a break end
  end
  if not chosen then
    -- No preferred one: the first quickfix that is not a "disable the rule" action.
    for _, a in ipairs(actions) do
      if fixes_target(a) and not a.title:find('無効') and not a.title:lower():find('disable') then chosen = a break end
    end
  end
  if not chosen then return fail('no quickfix for ' .. wanted_code .. ' among the code actions', base) end
  base.action_title = chosen.title
  base.action_is_preferred = chosen.isPreferred == true
  base.action_edit = chosen.edit

  -- 3. Apply it the way Neovim's own code-action UI does, and wait for the new diagnostics.
  local publishes_before_edit = state.publishes
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  local version_after = (vim.lsp.util.buf_versions and vim.lsp.util.buf_versions[bufnr])
    or vim.api.nvim_buf_get_changedtick(bufnr)
  log('applied edit, buffer version ' .. tostring(version_after))
  wait_for('diagnostics after the edit', function()
    check_alive()
    if state.publishes <= publishes_before_edit then return false end
    if type(version_after) == 'number' and type(state.last_version) == 'number' then
      return state.last_version >= version_after
    end
    return true
  end)

  base.buffer_after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  base.diagnostics_after = vim.tbl_map(simplify, vim.diagnostic.get(bufnr))
  base.raw_after = state.last_raw
  finish(base, 0)
end

local function run()
  local ok, err = xpcall(main, function(e)
    if type(e) == 'table' and e.waiting then return e end
    return { message = tostring(e), traceback = debug.traceback() }
  end)
  if not ok and not finished then
    if err.waiting then
      fail(err.waiting)
    else
      partial.traceback = err.traceback
      fail('Lua error: ' .. err.message)
    end
  end
end

-- The file named on the command line is loaded after this script: start once Vim is up.
if vim.v.vim_did_enter == 1 then
  vim.schedule(run)
else
  vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = function() vim.schedule(run) end })
end
