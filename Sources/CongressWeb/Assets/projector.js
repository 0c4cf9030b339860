// The hall's projector: the board is replaced by what the server sends (server-sent events),
// which is the released result only; before release it says the count is under way.
(function () {
  var board = document.getElementById('board');
  if (!board || !window.EventSource) { return; }
  var source = new EventSource(board.getAttribute('data-events'));
  source.onmessage = function (event) { board.innerHTML = event.data; };
})();
