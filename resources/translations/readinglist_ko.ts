<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>BibTeX (.bib)</source>
        <translation>BibTeX (.bib)</translation>
    </message>
    <message>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <source>JSON (.json)</source>
        <translation>JSON (.json)</translation>
    </message>
    <message>
        <source>Markdown reading list (.md)</source>
        <translation>Markdown 읽기 목록 (.md)</translation>
    </message>
    <message>
        <source>unknown status &apos;{text}&apos; (one of: {names})</source>
        <translation>알 수 없는 상태 &apos;{text}&apos; ({names} 중 하나)</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>읽지 않음</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>읽을 예정</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>읽는 중</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>an unexpected error ({kind})</source>
        <translation>예기치 않은 오류({kind})</translation>
    </message>
    <message>
        <source>{reason} ({file})</source>
        <translation>{reason} ({file})</translation>
    </message>
    <message>
        <source>Saving changes to {n} papers…</source>
        <translation>논문 {n}편의 변경 사항을 저장하는 중…</translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation>{n}자</translation>
    </message>
    <message>
        <source>The first {shown} of {n} characters; Copy All copies them all</source>
        <translation>{n}자 중 처음 {shown}자만 보여 줍니다. 모두 복사를 누르면 전체를 복사합니다</translation>
    </message>
    <message>
        <source>Copy All</source>
        <translation>모두 복사</translation>
    </message>
    <message>
        <source>Star (S)</source>
        <translation>별표 (S)</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>태그 (쉼표로 구분)</translation>
    </message>
    <message>
        <source>Your notes, in Markdown</source>
        <translation>메모 (Markdown 사용 가능)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Shared ({n})</source>
        <translation>공유 ({n})</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>공유</translation>
    </message>
    <message>
        <source>Loading the paper…</source>
        <translation>논문을 불러오는 중…</translation>
    </message>
    <message>
        <source>No paper selected</source>
        <translation>선택한 논문 없음</translation>
    </message>
    <message>
        <source>This note is not saved: {why}. It stays here and is saved again when you leave this paper; you will be asked about it before the window closes.</source>
        <translation>이 메모는 저장되지 않았습니다: {why}. 메모는 여기에 남아 있고 이 논문에서 벗어날 때 다시 저장합니다. 창을 닫기 전에 어떻게 할지 묻습니다.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>저자</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>{field} of “{paper}”</source>
        <translation>“{paper}”의 {field}</translation>
    </message>
    <message>
        <source> · {n} votes</source>
        <translation> · 추천 {n}</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>외 {n}개</translation>
    </message>
    <message>
        <source>In the digests of {days}</source>
        <translation>실린 다이제스트: {days}</translation>
    </message>
    <message>
        <source>Authors unknown</source>
        <translation>저자 정보 없음</translation>
    </message>
    <message>
        <source>and more</source>
        <translation>외</translation>
    </message>
    <message>
        <source>Show all {n} characters</source>
        <translation>{n}자 모두 보기</translation>
    </message>
    <message>
        <source>{status} since {time}</source>
        <translation>{time}부터 {status}</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>렌더링하는 중…</translation>
    </message>
    <message>
        <source>★ Star all</source>
        <translation>★ 모두 별표</translation>
    </message>
    <message>
        <source>☆ Unstar all</source>
        <translation>☆ 모두 별표 해제</translation>
    </message>
    <message>
        <source>A tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>태그 추가</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>태그 제거</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Mark all as {status} ({key})</source>
        <translation>모두 {status} 상태로 표시 ({key})</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>별표</translation>
    </message>
    <message>
        <source>Set the status of all</source>
        <translation>전체 상태 설정</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>{n} papers selected</source>
        <translation>논문 {n}편 선택됨</translation>
    </message>
    <message>
        <source>Note not saved</source>
        <translation>메모가 저장되지 않음</translation>
    </message>
    <message>
        <source>Your note on “{title}” could not be saved: {why}.</source>
        <translation>“{title}”에 대한 메모를 저장하지 못했습니다: {why}.</translation>
    </message>
    <message>
        <source>Copy puts it on the clipboard and keeps the window open, to paste it elsewhere.</source>
        <translation>복사를 누르면 메모를 클립보드에 복사하고 창은 열어 둡니다. 다른 곳에 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Save to File…</source>
        <translation>파일로 저장…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Save the note</source>
        <translation>메모 저장</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>note.md</source>
        <translation>note.md</translation>
    </message>
    <message>
        <source>Could not write {file}: {why}</source>
        <translation>{file}에 쓰지 못했습니다: {why}</translation>
    </message>
    <message>
        <source>Export papers</source>
        <translation>논문 내보내기</translation>
    </message>
    <message>
        <source>An export is still being written; try again when it is done.</source>
        <translation>아직 내보내는 중입니다. 끝난 뒤에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Could not write {path}: {why}</source>
        <translation>{path}에 쓰지 못했습니다: {why}</translation>
    </message>
    <message>
        <source>Exported 1 paper to {path}</source>
        <translation>{path}에 논문 1편을 내보냈습니다</translation>
    </message>
    <message>
        <source>Exported {n} papers to {path}</source>
        <translation>{path}에 논문 {n}편을 내보냈습니다</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>Papers:</source>
        <translation>논문:</translation>
    </message>
    <message>
        <source>The selected paper</source>
        <translation>선택한 논문</translation>
    </message>
    <message>
        <source>The {n} selected papers</source>
        <translation>선택한 논문 {n}편</translation>
    </message>
    <message>
        <source>The paper in the list</source>
        <translation>목록의 논문</translation>
    </message>
    <message>
        <source>The {n} papers in the list</source>
        <translation>목록의 논문 {n}편</translation>
    </message>
    <message>
        <source>{n} new papers</source>
        <translation>새 논문 {n}편</translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation>변경 없음 {n}개</translation>
    </message>
    <message>
        <source>1 file imported</source>
        <translation>파일 1개 가져옴</translation>
    </message>
    <message>
        <source>{n} files imported</source>
        <translation>파일 {n}개 가져옴</translation>
    </message>
    <message>
        <source>1 new paper</source>
        <translation>새 논문 1편</translation>
    </message>
    <message>
        <source>1 paper by id only</source>
        <translation>ID만 있는 논문 1편</translation>
    </message>
    <message>
        <source>{n} papers by id only</source>
        <translation>ID만 있는 논문 {n}편</translation>
    </message>
    <message>
        <source>1 file rejected</source>
        <translation>거부된 파일 1개</translation>
    </message>
    <message>
        <source>{n} files rejected</source>
        <translation>거부된 파일 {n}개</translation>
    </message>
    <message>
        <source>1 file with warnings</source>
        <translation>경고가 있는 파일 1개</translation>
    </message>
    <message>
        <source>{n} files with warnings</source>
        <translation>경고가 있는 파일 {n}개</translation>
    </message>
    <message>
        <source>rule {rule}: 1 paper</source>
        <translation>규칙 {rule}: 논문 1편</translation>
    </message>
    <message>
        <source>rule {rule}: {n} papers</source>
        <translation>규칙 {rule}: 논문 {n}편</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>자세히…</translation>
    </message>
    <message>
        <source>Fetching subscriptions: {done} of {total} days</source>
        <translation>구독 가져오는 중: {total}일 중 {done}일</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <source>Importing {done} of {total}</source>
        <translation>가져오는 중: {done}/{total}</translation>
    </message>
    <message>
        <source>{n} new today</source>
        <translation>오늘 새 논문 {n}편</translation>
    </message>
    <message>
        <source>Import details</source>
        <translation>가져오기 세부 정보</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>가져오지 않음</translation>
    </message>
    <message>
        <source>imported, with a warning</source>
        <translation>가져옴 (경고 있음)</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>라이브러리를 여는 중…</translation>
    </message>
    <message>
        <source>Seen {n} times since {day}</source>
        <translation>{day}부터 {n}번 봄</translation>
    </message>
    <message>
        <source>Gained {n} votes over its last sightings</source>
        <translation>최근 등장에서 추천 {n}개 늘어남</translation>
    </message>
    <message>
        <source>Gained 1 vote over its last sightings</source>
        <translation>최근 등장에서 추천 1개 늘어남</translation>
    </message>
    <message>
        <source>Lost {n} votes over its last sightings</source>
        <translation>최근 등장에서 추천 {n}개 줄어듦</translation>
    </message>
    <message>
        <source>Lost 1 vote over its last sightings</source>
        <translation>최근 등장에서 추천 1개 줄어듦</translation>
    </message>
    <message>
        <source>No votes gained over its last sightings</source>
        <translation>최근 등장에서 추천 변화 없음</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>별표한 논문</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>첫 등장</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>추천</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>등장</translation>
    </message>
    <message>
        <source>Digest order</source>
        <translation>다이제스트 순서</translation>
    </message>
    <message>
        <source>Most votes</source>
        <translation>추천 많은 순</translation>
    </message>
    <message>
        <source>Rising</source>
        <translation>상승</translation>
    </message>
    <message>
        <source>Rules first</source>
        <translation>규칙 우선</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>검색 저장</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>There is already a saved search named “{name}”. Replace its query?</source>
        <translation>이름이 “{name}”인 저장된 검색이 이미 있습니다. 검색어를 바꿀까요?</translation>
    </message>
    <message>
        <source>What the list shows under “{entry}”, saved as the query:
{query}

Name:</source>
        <translation>“{entry}” 아래 목록에 보이는 논문을 다음 검색어로 저장합니다:
{query}

이름:</translation>
    </message>
    <message>
        <source>Rename saved search</source>
        <translation>저장된 검색 이름 바꾸기</translation>
    </message>
    <message>
        <source>Edit saved search</source>
        <translation>저장된 검색 편집</translation>
    </message>
    <message>
        <source>Query:</source>
        <translation>검색어:</translation>
    </message>
    <message>
        <source>Delete the saved search “{name}”? Its papers stay in the library.</source>
        <translation>저장된 검색 “{name}”을 삭제할까요? 논문은 라이브러리에 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation>저장된 검색 삭제</translation>
    </message>
    <message>
        <source>Could not read the watched folders: {why}</source>
        <translation>지켜보는 폴더 목록을 읽지 못했습니다: {why}</translation>
    </message>
    <message>
        <source>{path} is not a folder.</source>
        <translation>{path}은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>The watched folder {folder} is missing: it stays watched.</source>
        <translation>지켜보는 폴더 {folder}이(가) 없습니다: 계속 지켜봅니다.</translation>
    </message>
    <message>
        <source>The watched folders {folders} are missing: they stay watched.</source>
        <translation>지켜보는 폴더 {folders}이(가) 없습니다: 계속 지켜봅니다.</translation>
    </message>
    <message>
        <source>Could not scan the watched folders: {why}</source>
        <translation>지켜보는 폴더를 살펴볼 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Could not save: {why}</source>
        <translation>저장하지 못했습니다: {why}</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)   e.g. {example}</source>
        <translation>검색 (Ctrl+F)   예: {example}</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Save this search in the sidebar</source>
        <translation>이 검색을 사이드바에 저장</translation>
    </message>
    <message>
        <source>&lt;b&gt;Search&lt;/b&gt;: words and &amp;quot;phrases&amp;quot; (title, authors, summaries, notes, tags)&lt;br&gt;-word excludes; AND is implied; OR; (parentheses)&lt;br&gt;tag:X · status:read · is:starred · is:unread&lt;br&gt;author:&quot;Name&quot; · title:word · note:word&lt;br&gt;votes:&amp;gt;50 · date:2024-03 · date:&amp;lt;7d · digest:2024-03-01</source>
        <translation>&lt;b&gt;검색&lt;/b&gt;: 단어와 &amp;quot;구문&amp;quot; (제목, 저자, 요약, 메모, 태그)&lt;br&gt;-단어: 제외 · AND는 생략 가능 · OR · (괄호)&lt;br&gt;tag:X · status:read · is:starred · is:unread&lt;br&gt;author:&quot;이름&quot; · title:단어 · note:단어&lt;br&gt;votes:&amp;gt;50 · date:2024-03 · date:&amp;lt;7d · digest:2024-03-01</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1월</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2월</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3월</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4월</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5월</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6월</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7월</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8월</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9월</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10월</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11월</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12월</translation>
    </message>
    <message>
        <source>{papers}, {unread} unread</source>
        <translation>{papers}, 읽지 않음 {unread}편</translation>
    </message>
    <message>
        <source>New today</source>
        <translation>오늘 새 논문</translation>
    </message>
    <message>
        <source>{triaged} of {total} triaged</source>
        <translation>{total}편 중 {triaged}편 분류함</translation>
    </message>
    <message>
        <source>All papers</source>
        <translation>모든 논문</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>휴지통</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>저장된 검색</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>{name} · {owner}</source>
        <translation>{name} · {owner}</translation>
    </message>
    <message>
        <source>Shared by {owner} (only they can change it): {query}</source>
        <translation>{owner} 님이 공유함 (그 사람만 바꿀 수 있음): {query}</translation>
    </message>
    <message>
        <source>Shared with everyone in this library: {query}</source>
        <translation>이 라이브러리의 모두와 공유함: {query}</translation>
    </message>
    <message>
        <source>{source}: {papers}, {unread} unread</source>
        <translation>{source}: {papers}, 읽지 않음 {unread}편</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Digests</source>
        <translation>다이제스트</translation>
    </message>
    <message>
        <source>This query no longer reads: {error}</source>
        <translation>이 검색어는 더 이상 해석할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Shared by {owner}: only they can change it</source>
        <translation>{owner} 님이 공유함: 그 사람만 바꿀 수 있음</translation>
    </message>
    <message>
        <source>Share with Everyone in This Library</source>
        <translation>이 라이브러리의 모두와 공유</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Edit Query…</source>
        <translation>검색어 편집…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Make a Rule…</source>
        <translation>규칙 만들기…</translation>
    </message>
    <message>
        <source>Rename Tag…</source>
        <translation>태그 이름 바꾸기…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>다른 태그로 합치기…</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>태그 삭제</translation>
    </message>
    <message>
        <source>Mark All as {status}</source>
        <translation>모두 {status}(으)로 표시</translation>
    </message>
    <message>
        <source>Select Its Papers</source>
        <translation>이 다이제스트의 논문 선택</translation>
    </message>
    <message>
        <source>Prefetch Media</source>
        <translation>미디어 미리 받기</translation>
    </message>
    <message>
        <source>A shared library keeps every member&apos;s papers: the Trash hides them from you alone.</source>
        <translation>공유 라이브러리는 모든 구성원의 논문을 보관합니다. 휴지통은 나에게서만 논문을 숨깁니다.</translation>
    </message>
    <message>
        <source>Toggle &amp;Star</source>
        <translation>별표 켜기/끄기(&amp;S)</translation>
    </message>
    <message>
        <source>Mark as {status}</source>
        <translation>{status} 상태로 표시</translation>
    </message>
    <message>
        <source>Snoo&amp;ze for a Week</source>
        <translation>일주일 미루기(&amp;Z)</translation>
    </message>
    <message>
        <source>Not brought back into Today for a week</source>
        <translation>일주일 동안 오늘 목록에 다시 올리지 않습니다</translation>
    </message>
    <message>
        <source>Edit &amp;Tags</source>
        <translation>태그 편집(&amp;T)</translation>
    </message>
    <message>
        <source>Edit &amp;Note</source>
        <translation>메모 편집(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Move to Trash</source>
        <translation>휴지통으로 이동(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Restore from Trash</source>
        <translation>휴지통에서 복원(&amp;R)</translation>
    </message>
    <message>
        <source>Mar&amp;k Others</source>
        <translation>나머지 표시(&amp;K)</translation>
    </message>
    <message>
        <source>Mark Below as {status}</source>
        <translation>아래 논문을 {status} 상태로 표시</translation>
    </message>
    <message>
        <source>Mark Above as {status}</source>
        <translation>위 논문을 {status} 상태로 표시</translation>
    </message>
    <message>
        <source>Empty Tras&amp;h…</source>
        <translation>휴지통 비우기(&amp;H)…</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>휴지통이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Deleted {what} for good.</source>
        <translation>{what}을(를) 완전히 삭제했습니다.</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>휴지통 비우기</translation>
    </message>
    <message>
        <source>Delete {what} for good? Their notes and tags go too.</source>
        <translation>{what}을(를) 완전히 삭제할까요? 메모와 태그도 함께 삭제됩니다.</translation>
    </message>
    <message>
        <source>&amp;Open on arXiv</source>
        <translation>arXiv에서 열기(&amp;O)</translation>
    </message>
    <message>
        <source>Open PD&amp;F</source>
        <translation>PDF 열기(&amp;F)</translation>
    </message>
    <message>
        <source>Open on &amp;Hugging Face</source>
        <translation>Hugging Face에서 열기(&amp;H)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Paper</source>
        <translation>다음 논문(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Previous Paper</source>
        <translation>이전 논문(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>1 paper</source>
        <translation>논문 1편</translation>
    </message>
    <message>
        <source>{n} papers</source>
        <translation>논문 {n}편</translation>
    </message>
    <message>
        <source>Star {what}</source>
        <translation>{what}에 별표</translation>
    </message>
    <message>
        <source>Unstar {what}</source>
        <translation>{what}의 별표 해제</translation>
    </message>
    <message>
        <source>Toggle the star of {what}</source>
        <translation>{what}의 별표 전환</translation>
    </message>
    <message>
        <source>Mark {what} as {status}</source>
        <translation>{what}을 {status} 상태로 표시</translation>
    </message>
    <message>
        <source>Mark the unread papers below as {status}</source>
        <translation>아래의 읽지 않은 논문을 {status} 상태로 표시</translation>
    </message>
    <message>
        <source>Mark the unread papers above as {status}</source>
        <translation>위의 읽지 않은 논문을 {status} 상태로 표시</translation>
    </message>
    <message>
        <source>Tag {what} with {tag}</source>
        <translation>{what}에 태그 {tag} 추가</translation>
    </message>
    <message>
        <source>Untag {what} from {tag}</source>
        <translation>{what}에서 태그 {tag} 제거</translation>
    </message>
    <message>
        <source>Merge tag {old} into {new}</source>
        <translation>태그 {old}을(를) {new}에 합치기</translation>
    </message>
    <message>
        <source>Rename tag {old} to {new}</source>
        <translation>태그 {old}의 이름을 {new}(으)로 바꾸기</translation>
    </message>
    <message>
        <source>Move {what} to the Trash</source>
        <translation>{what}을(를) 휴지통으로 이동</translation>
    </message>
    <message>
        <source>Restore {what} from the Trash</source>
        <translation>{what}을(를) 휴지통에서 복원</translation>
    </message>
    <message>
        <source>Skip the Rest of Today ({what})</source>
        <translation>오늘의 나머지 건너뛰기 ({what})</translation>
    </message>
    <message>
        <source>Snooze {what}</source>
        <translation>{what} 미루기</translation>
    </message>
    <message>
        <source>Change tags</source>
        <translation>태그 변경</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>메모 편집</translation>
    </message>
    <message>
        <source>Edit shared note</source>
        <translation>공유 메모 편집</translation>
    </message>
    <message>
        <source>Apply the rule {name} to {what}</source>
        <translation>{what}에 규칙 {name} 적용</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>파일 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>폴더 가져오기(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Selected…</source>
        <translation>선택한 논문 내보내기(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>찾기(&amp;F)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>&amp;Watch a Folder…</source>
        <translation>폴더 지켜보기(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Save Search…</source>
        <translation>검색 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Select &amp;All Papers</source>
        <translation>모든 논문 선택(&amp;A)</translation>
    </message>
    <message>
        <source>Rul&amp;es…</source>
        <translation>규칙(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>논문(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Advance After Setting Status</source>
        <translation>상태를 정하면 다음 논문으로(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Media</source>
        <translation>미디어(&amp;M)</translation>
    </message>
    <message>
        <source>Today&apos;s backup of the library was not made: {reason}</source>
        <translation>오늘의 라이브러리 백업을 만들지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Could not show {entry}: {why}; showing all papers</source>
        <translation>{entry} 항목을 표시하지 못했습니다: {why}. 모든 논문을 표시합니다</translation>
    </message>
    <message>
        <source>Could not read the library: {why}</source>
        <translation>라이브러리를 읽지 못했습니다: {why}</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No papers yet&lt;/h2&gt;&lt;p&gt;Drop digest files or folders here,&lt;br&gt;or use &lt;b&gt;File → Import…&lt;/b&gt;&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;{import_folder}&quot;&gt;Import a folder…&lt;/a&gt; &amp;nbsp;·&amp;nbsp; &lt;a href=&quot;{sample}&quot;&gt;Try the sample digest&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;아직 논문이 없습니다&lt;/h2&gt;&lt;p&gt;다이제스트 파일이나 폴더를 여기에 끌어 놓거나&lt;br&gt;&lt;b&gt;파일 → 파일 가져오기…&lt;/b&gt; 메뉴를 사용하세요&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;{import_folder}&quot;&gt;폴더 가져오기…&lt;/a&gt; &amp;nbsp;·&amp;nbsp; &lt;a href=&quot;{sample}&quot;&gt;샘플 다이제스트로 시작하기&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Importing…&lt;/h2&gt;&lt;p&gt;The papers show here as they arrive.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;가져오는 중…&lt;/h2&gt;&lt;p&gt;논문이 도착하는 대로 여기에 표시됩니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>세는 중…</translation>
    </message>
    <message>
        <source>No papers match this search here.</source>
        <translation>여기에는 이 검색과 일치하는 논문이 없습니다.</translation>
    </message>
    <message>
        <source>No papers here.</source>
        <translation>여기에는 논문이 없습니다.</translation>
    </message>
    <message>
        <source>Import digests</source>
        <translation>다이제스트 가져오기</translation>
    </message>
    <message>
        <source>Markdown digests (*.md);;All files (*)</source>
        <translation>Markdown 다이제스트 (*.md);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import a folder of digests</source>
        <translation>다이제스트 폴더 가져오기</translation>
    </message>
    <message>
        <source>a paper</source>
        <translation>논문</translation>
    </message>
    <message>
        <source>Load Remote Media &amp;Automatically</source>
        <translation>원격 미디어 자동으로 불러오기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Prefetch Media for This Digest</source>
        <translation>이 다이제스트의 미디어 미리 받기(&amp;P)</translation>
    </message>
    <message>
        <source>Prefetch Media for the &amp;Selection</source>
        <translation>선택한 논문의 미디어 미리 받기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel Prefetching</source>
        <translation>미리 받기 취소(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;opy Teaser Address</source>
        <translation>티저 주소 복사(&amp;O)</translation>
    </message>
    <message>
        <source>No media for this paper</source>
        <translation>이 논문에는 미디어가 없습니다</translation>
    </message>
    <message>
        <source>Video teaser</source>
        <translation>동영상 티저</translation>
    </message>
    <message>
        <source>Image teaser</source>
        <translation>이미지 티저</translation>
    </message>
    <message>
        <source>Load Teaser</source>
        <translation>티저 불러오기</translation>
    </message>
    <message>
        <source>Teaser not loaded</source>
        <translation>티저를 불러오지 않음</translation>
    </message>
    <message>
        <source>Teaser not available</source>
        <translation>티저를 볼 수 없음</translation>
    </message>
    <message>
        <source>Opening the video…</source>
        <translation>동영상을 여는 중…</translation>
    </message>
    <message>
        <source>no video player is available</source>
        <translation>사용할 수 있는 동영상 플레이어가 없습니다</translation>
    </message>
    <message>
        <source>not a video this player can open</source>
        <translation>이 플레이어로 열 수 없는 동영상입니다</translation>
    </message>
    <message>
        <source>no video track this player can decode</source>
        <translation>이 플레이어가 디코딩할 수 있는 동영상 트랙이 없습니다</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>재생/일시 정지 (Space)</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>소리 켜짐</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>음소거됨</translation>
    </message>
    <message>
        <source>Turn the sound on or off (M)</source>
        <translation>소리 켜기/끄기 (M)</translation>
    </message>
    <message>
        <source>Prefetching media: {done} of {total}</source>
        <translation>미디어 미리 받는 중: {done}/{total}</translation>
    </message>
    <message>
        <source>{cached} teasers ready for offline reading</source>
        <translation>오프라인으로 볼 수 있는 티저 {cached}개</translation>
    </message>
    <message>
        <source>{failed} failed</source>
        <translation>실패 {failed}개</translation>
    </message>
    <message>
        <source>Loading the video…</source>
        <translation>동영상을 불러오는 중…</translation>
    </message>
    <message>
        <source>Loading the image…</source>
        <translation>이미지를 불러오는 중…</translation>
    </message>
    <message>
        <source>{received} of {total}</source>
        <translation>{received} / {total}</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>Videos cannot play: Qt Multimedia could not load ({reason}).</source>
        <translation>동영상을 재생할 수 없습니다: Qt Multimedia를 불러오지 못했습니다({reason}).</translation>
    </message>
    <message>
        <source>Videos cannot play: Qt Multimedia could not load ({library} is missing). Install the package that provides it.</source>
        <translation>동영상을 재생할 수 없습니다: Qt Multimedia를 불러오지 못했습니다({library} 없음). 이 라이브러리가 든 패키지를 설치하세요.</translation>
    </message>
    <message>
        <source>Videos cannot play: Qt Multimedia could not load ({library} is missing). Install {package}.</source>
        <translation>동영상을 재생할 수 없습니다: Qt Multimedia를 불러오지 못했습니다({library} 없음). {package} 패키지를 설치하세요.</translation>
    </message>
    <message>
        <source>This teaser is not on the web (only http and https addresses are loaded).</source>
        <translation>이 티저는 웹에 있지 않습니다(http와 https 주소만 불러옵니다).</translation>
    </message>
    <message>
        <source>This teaser&apos;s address is too long to load ({detail} characters).</source>
        <translation>이 티저의 주소가 너무 길어 불러오지 않습니다({detail}자).</translation>
    </message>
    <message>
        <source>Could not reach {host}. You may be offline.</source>
        <translation>{host}에 연결하지 못했습니다. 오프라인 상태일 수 있습니다.</translation>
    </message>
    <message>
        <source>{host} answered “{detail}”.</source>
        <translation>{host}의 응답: “{detail}”.</translation>
    </message>
    <message>
        <source>{host} did not answer in time.</source>
        <translation>{host}에서 제시간에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>{host} sent this teaser too slowly: it was given up after {detail} seconds.</source>
        <translation>{host}에서 티저를 너무 느리게 보내 {detail}초 뒤에 중단했습니다.</translation>
    </message>
    <message>
        <source>This teaser is too large to download.</source>
        <translation>이 티저는 너무 커서 내려받지 않습니다.</translation>
    </message>
    <message>
        <source>{host} redirected too many times.</source>
        <translation>{host}에서 리디렉션이 너무 많습니다.</translation>
    </message>
    <message>
        <source>{host} did not send a whole video.</source>
        <translation>{host}에서 동영상을 끝까지 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>{host} did not send a whole image.</source>
        <translation>{host}에서 이미지를 끝까지 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>This video cannot be played on this computer.</source>
        <translation>이 컴퓨터에서는 이 동영상을 재생할 수 없습니다.</translation>
    </message>
    <message>
        <source>Remote media is not loaded automatically.
The teaser is on {host}.</source>
        <translation>원격 미디어는 자동으로 불러오지 않습니다.
티저 위치: {host}</translation>
    </message>
    <message>
        <source>a folder with no digest files (*.md) in it</source>
        <translation>다이제스트 파일(*.md)이 없는 폴더</translation>
    </message>
    <message>
        <source>permission denied: the folder cannot be read, and its digests were not imported</source>
        <translation>권한 없음: 폴더를 읽을 수 없어 다이제스트를 가져오지 않았습니다</translation>
    </message>
    <message>
        <source>the folder cannot be read ({reason}): its digests were not imported</source>
        <translation>폴더를 읽을 수 없습니다({reason}): 다이제스트를 가져오지 않았습니다</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>파일이 없습니다</translation>
    </message>
    <message>
        <source>permission denied: the file cannot be read</source>
        <translation>권한 없음: 파일을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>not a file but a named pipe (FIFO): it was not read</source>
        <translation>파일이 아니라 이름 있는 파이프(FIFO)이므로 읽지 않았습니다</translation>
    </message>
    <message>
        <source>not a file but a device: it was not read</source>
        <translation>파일이 아니라 장치이므로 읽지 않았습니다</translation>
    </message>
    <message>
        <source>not a file but a socket: it was not read</source>
        <translation>파일이 아니라 소켓이므로 읽지 않았습니다</translation>
    </message>
    <message>
        <source>not a file but a folder: it was not read</source>
        <translation>파일이 아니라 폴더이므로 읽지 않았습니다</translation>
    </message>
    <message>
        <source>not a file but something other than a regular file: it was not read</source>
        <translation>일반 파일이 아니므로 읽지 않았습니다</translation>
    </message>
    <message>
        <source>larger than {megabytes} MB: too large to be a digest, not read</source>
        <translation>{megabytes}MB보다 큽니다: 다이제스트로 보기에는 너무 커서 읽지 않았습니다</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>not a digest: no &apos;## Daily Papers (YYYY-MM-DD)&apos; header</source>
        <translation>다이제스트가 아닙니다: &apos;## Daily Papers (YYYY-MM-DD)&apos; 머리글이 없습니다</translation>
    </message>
    <message>
        <source>this is a binary file, not a Markdown digest</source>
        <translation>바이너리 파일이며 Markdown 다이제스트가 아닙니다</translation>
    </message>
    <message>
        <source>the file says it is UTF-16 but is not</source>
        <translation>파일이 UTF-16이라고 표시되어 있지만 UTF-16이 아닙니다</translation>
    </message>
    <message>
        <source>the file ends in the middle of a character: truncated?</source>
        <translation>파일이 글자 중간에서 끝납니다: 잘린 파일인가요?</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte 0x{byte:02X}); save the digest as UTF-8 and retry</source>
        <translation>UTF-8 텍스트가 아닙니다(바이트 0x{byte:02X}). 다이제스트를 UTF-8로 저장한 뒤 다시 시도하세요</translation>
    </message>
    <message>
        <source>and {count:,} more warnings</source>
        <translation>그 밖의 경고 {count:,}개</translation>
    </message>
    <message>
        <source>a digest header not written &apos;## Daily Papers (YYYY-MM-DD)&apos;</source>
        <translation>다이제스트 머리글이 &apos;## Daily Papers (YYYY-MM-DD)&apos; 형식이 아닙니다</translation>
    </message>
    <message>
        <source>a second digest, of {date}, in a file of {file_date} (line {line}); import each day from its own file</source>
        <translation>{file_date} 파일({line}번째 줄)에 {date}의 두 번째 다이제스트가 있습니다. 날짜마다 따로 된 파일로 가져오세요</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date as YYYY-MM-DD</source>
        <translation>YYYY-MM-DD 형식의 날짜가 아닙니다: &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>&apos;{date}&apos; is not a possible digest date: digests are dated from {earliest} (when arXiv began) to {days} days after today ({today})</source>
        <translation>다이제스트 날짜가 될 수 없습니다: &apos;{date}&apos;. 다이제스트 날짜는 {earliest}(arXiv가 시작된 날)부터 오늘({today})로부터 {days}일 뒤까지입니다</translation>
    </message>
    <message>
        <source>a &apos;###&apos; heading that is not a paper link: {text}</source>
        <translation>논문 링크가 아닌 &apos;###&apos; 제목: {text}</translation>
    </message>
    <message>
        <source>the paper heading is cut off: {text}</source>
        <translation>논문 제목 줄이 잘렸습니다: {text}</translation>
    </message>
    <message>
        <source>the paper link is not an arXiv link: {url}</source>
        <translation>논문 링크가 arXiv 링크가 아닙니다: {url}</translation>
    </message>
    <message>
        <source>the paper heading has no title</source>
        <translation>논문 제목 줄에 제목이 없습니다</translation>
    </message>
    <message>
        <source>the paper link is {length:,} characters long (at most {limit:,}): kept as {url}</source>
        <translation>논문 링크가 {length:,}자입니다(최대 {limit:,}자): 대신 {url} 주소를 저장했습니다</translation>
    </message>
    <message>
        <source>the title is {length:,} characters long: kept its first {limit:,}</source>
        <translation>제목이 {length:,}자입니다: 처음 {limit:,}자만 저장했습니다</translation>
    </message>
    <message>
        <source>the teaser link is {length:,} characters long (at most {limit:,}): not kept</source>
        <translation>티저 링크가 {length:,}자입니다(최대 {limit:,}자): 저장하지 않았습니다</translation>
    </message>
    <message>
        <source>the summary is longer than {limit:,} characters: kept its first {limit:,}</source>
        <translation>요약이 {limit:,}자보다 깁니다: 처음 {limit:,}자만 저장했습니다</translation>
    </message>
    <message>
        <source>more than {limit:,} authors: kept the first {limit:,}</source>
        <translation>저자가 {limit:,}명보다 많습니다: 처음 {limit:,}명만 저장했습니다</translation>
    </message>
    <message>
        <source>an author&apos;s name is {length:,} characters long: kept its first {limit:,}</source>
        <translation>저자 이름이 {length:,}자입니다: 처음 {limit:,}자만 저장했습니다</translation>
    </message>
    <message>
        <source>{count:,} authors&apos; names are longer than {limit:,} characters: kept the first {limit:,} of each</source>
        <translation>저자 이름 {count:,}개가 {limit:,}자보다 깁니다: 각각 처음 {limit:,}자만 저장했습니다</translation>
    </message>
    <message>
        <source>&apos;)&apos; without a &apos;(&apos; before it</source>
        <translation>앞에 &apos;(&apos;가 없는 &apos;)&apos;</translation>
    </message>
    <message>
        <source>{operator} needs a term before it</source>
        <translation>{operator} 앞에 검색어가 있어야 합니다</translation>
    </message>
    <message>
        <source>this quote is never closed</source>
        <translation>이 따옴표가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>&apos;{name}:&apos; needs a value, like {example}</source>
        <translation>&apos;{name}:&apos; 뒤에 값이 있어야 합니다. 예: {example}</translation>
    </message>
    <message>
        <source>unknown field &apos;{name}:&apos; (fields: {fields}); quote it to search for it</source>
        <translation>알 수 없는 필드 &apos;{name}:&apos; (필드: {fields}). 이 글자를 그대로 찾으려면 따옴표로 묶으세요</translation>
    </message>
    <message>
        <source>{operator} needs a term after it</source>
        <translation>{operator} 뒤에 검색어가 있어야 합니다</translation>
    </message>
    <message>
        <source>the query is nested too deeply</source>
        <translation>검색어가 너무 깊게 중첩되었습니다</translation>
    </message>
    <message>
        <source>empty parentheses</source>
        <translation>빈 괄호</translation>
    </message>
    <message>
        <source>this &apos;(&apos; is never closed</source>
        <translation>이 &apos;(&apos;가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a source; the sources are {names}</source>
        <translation>&apos;{name}&apos;은(는) 출처가 아닙니다. 출처: {names}</translation>
    </message>
    <message>
        <source>unknown &apos;is:{value}&apos; (use is:starred, {names})</source>
        <translation>알 수 없는 &apos;is:{value}&apos; (is:starred, {names} 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; takes a whole number, like {field}&gt;50</source>
        <translation>&apos;{field}&apos;에는 정수를 써야 합니다. 예: {field}&gt;50</translation>
    </message>
    <message>
        <source>{number} is too large a number</source>
        <translation>너무 큰 수입니다: {number}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date like 2024-03-01, 2024-03, 2024, 7d or today</source>
        <translation>2024-03-01, 2024-03, 2024, 7d, today와 같은 날짜가 아닙니다: &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date on the calendar</source>
        <translation>달력에 없는 날짜입니다: &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>at character {position}: {reason}</source>
        <translation>{position}번째 글자: {reason}</translation>
    </message>
    <message>
        <source>the library could not store it: {cause}</source>
        <translation>라이브러리에 저장하지 못했습니다: {cause}</translation>
    </message>
    <message>
        <source>the library is busy: another program is writing to it. Import this file again when that program is done</source>
        <translation>라이브러리를 사용 중입니다: 다른 프로그램이 쓰고 있습니다. 그 프로그램이 끝난 뒤에 이 파일을 다시 가져오세요</translation>
    </message>
    <message>
        <source>no library is open</source>
        <translation>열린 라이브러리 없음</translation>
    </message>
    <message>
        <source>The font licence’s full text: {path}</source>
        <translation>글꼴 라이선스 전문: {path}</translation>
    </message>
    <message>
        <source>Daily research-paper digests, in one library.</source>
        <translation>매일의 연구 논문 다이제스트를 한 라이브러리에.</translation>
    </message>
    <message>
        <source>Library: {path}</source>
        <translation>라이브러리: {path}</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <source>About readinglist</source>
        <translation>readinglist 정보</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>명령 팔레트(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About readinglist</source>
        <translation>readinglist 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Type the name of an action…</source>
        <translation>동작 이름을 입력하세요…</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>사이드바 보기(&amp;S)</translation>
    </message>
    <message>
        <source>Show &amp;Media Pane</source>
        <translation>미디어 창 보기(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>글자 크게(&amp;L)</translation>
    </message>
    <message>
        <source>Smalle&amp;r Text</source>
        <translation>글자 작게(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Actual Text Size</source>
        <translation>원래 글자 크기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>열(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Link</source>
        <translation>링크 복사(&amp;L)</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown Link</source>
        <translation>Markdown 링크로 복사(&amp;M)</translation>
    </message>
    <message>
        <source>Copy as &amp;BibTeX</source>
        <translation>BibTeX로 복사(&amp;B)</translation>
    </message>
    <message>
        <source>Copy as &amp;Citation</source>
        <translation>인용문으로 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Open Pages</source>
        <translation>페이지 열기</translation>
    </message>
    <message>
        <source>Open {n} pages in your web browser, one for each selected paper?</source>
        <translation>선택한 논문마다 하나씩, 웹 브라우저에서 페이지 {n}개를 열까요?</translation>
    </message>
    <message>
        <source>Copied 1 paper</source>
        <translation>논문 1편을 복사했습니다</translation>
    </message>
    <message>
        <source>Copied {n} papers</source>
        <translation>논문 {n}편을 복사했습니다</translation>
    </message>
    <message>
        <source>Could not start a web browser to open {url}</source>
        <translation>{url}을(를) 열 웹 브라우저를 시작하지 못했습니다</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>태그 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name for the tag “{tag}”:</source>
        <translation>태그 “{tag}”의 새 이름:</translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation>태그 합치기</translation>
    </message>
    <message>
        <source>Merge “{tag}” into:</source>
        <translation>“{tag}”을(를) 합칠 태그:</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Open Another Library…</source>
        <translation>다른 라이브러리 열기…</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>Takes effect when readinglist starts again.</source>
        <translation>readinglist를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>Open &amp;Library…</source>
        <translation>라이브러리 열기(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Connect to a Shared Library…</source>
        <translation>공유 라이브러리에 연결(&amp;C)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 라이브러리 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>라이브러리 열기</translation>
    </message>
    <message>
        <source>Libraries (*.sqlite);;All files (*)</source>
        <translation>라이브러리 (*.sqlite);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Advance to the next paper after setting a status</source>
        <translation>상태를 정하면 다음 논문으로 넘어가기</translation>
    </message>
    <message>
        <source>As Paper → Advance After Setting Status.</source>
        <translation>논문 → 상태를 정하면 다음 논문으로 메뉴와 같습니다.</translation>
    </message>
    <message>
        <source>Order of Today&apos;s papers</source>
        <translation>오늘 논문의 순서</translation>
    </message>
    <message>
        <source>Show how far through Today I am</source>
        <translation>오늘 진행 상황 보기</translation>
    </message>
    <message>
        <source>&quot;12 of 31 triaged&quot; above Today&apos;s papers.</source>
        <translation>오늘 논문 위에 &quot;31편 중 12편 분류함&quot;을 표시합니다.</translation>
    </message>
    <message>
        <source>Load remote media automatically</source>
        <translation>원격 미디어 자동으로 불러오기</translation>
    </message>
    <message>
        <source>When off, only cached teasers show; a button loads the others.</source>
        <translation>끄면 캐시에 있는 티저만 보이고, 나머지는 버튼으로 불러옵니다.</translation>
    </message>
    <message>
        <source>Media cache size</source>
        <translation>미디어 캐시 크기</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest teaser to download</source>
        <translation>내려받을 티저의 최대 크기</translation>
    </message>
    <message>
        <source>Longest a teaser may take to download</source>
        <translation>티저 다운로드 최대 시간</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Fetch subscriptions automatically</source>
        <translation>구독을 자동으로 가져오기</translation>
    </message>
    <message>
        <source>When off, the window makes no request for them.</source>
        <translation>끄면 창은 구독을 위한 요청을 하지 않습니다.</translation>
    </message>
    <message>
        <source>Check subscriptions every</source>
        <translation>구독 확인 간격</translation>
    </message>
    <message>
        <source> h</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Fetch days missed up to</source>
        <translation>놓친 날을 가져올 범위</translation>
    </message>
    <message>
        <source> days back</source>
        <translation>일 전까지</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Korean (한국어)</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>시스템 설정대로</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Watch folders</source>
        <translation>지켜보는 폴더</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>구독</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>모양</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>미디어</translation>
    </message>
    <message>
        <source>the feed declares a DTD or entities, which are never read (they can be used to attack a reader): not imported</source>
        <translation>피드가 DTD나 엔티티를 선언합니다. 이는 읽지 않습니다(읽는 프로그램을 공격하는 데 쓰일 수 있습니다): 가져오지 않았습니다</translation>
    </message>
    <message>
        <source>arXiv RSS or Atom feed</source>
        <translation>arXiv RSS 또는 Atom 피드</translation>
    </message>
    <message>
        <source>not an RSS or Atom feed</source>
        <translation>RSS나 Atom 피드가 아닙니다</translation>
    </message>
    <message>
        <source>not well-formed XML: {reason}</source>
        <translation>올바른 형식의 XML이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>no arXiv ids in it: not a digest in any format readinglist reads</source>
        <translation>arXiv ID가 없습니다: readinglist가 읽는 어떤 형식의 다이제스트도 아닙니다</translation>
    </message>
    <message>
        <source>arXiv ids in any text</source>
        <translation>아무 텍스트 속 arXiv ID</translation>
    </message>
    <message>
        <source>not JSON: {reason}</source>
        <translation>JSON이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>a field is {length:,} characters long: kept its first {limit:,}</source>
        <translation>필드가 {length:,}자입니다: 처음 {limit:,}자만 저장했습니다</translation>
    </message>
    <message>
        <source>a link is {length:,} characters long (at most {limit:,}): not kept</source>
        <translation>링크가 {length:,}자입니다(최대 {limit:,}자): 저장하지 않았습니다</translation>
    </message>
    <message>
        <source>the summary of {arxiv_id} is an error message of the digest&apos;s generator, not a summary: not kept as its summary</source>
        <translation>{arxiv_id}의 요약은 요약이 아니라 다이제스트 생성기의 오류 메시지입니다: 요약으로 저장하지 않았습니다</translation>
    </message>
    <message>
        <source>JSON nested too deeply to be a digest</source>
        <translation>JSON이 너무 깊게 중첩되어 다이제스트일 수 없습니다</translation>
    </message>
    <message>
        <source>entry {position} has no arXiv id: left out</source>
        <translation>{position}번째 항목에 arXiv ID가 없습니다: 제외했습니다</translation>
    </message>
    <message>
        <source>Korean daily papers (gbdata365 JSON)</source>
        <translation>한국어 데일리 논문 (gbdata365 JSON)</translation>
    </message>
    <message>
        <source>not a list of daily papers: no &quot;papers&quot; array</source>
        <translation>데일리 논문 목록이 아닙니다: &quot;papers&quot; 배열이 없습니다</translation>
    </message>
    <message>
        <source>the file does not say which day it is of: no &quot;date&quot;</source>
        <translation>파일이 어느 날의 것인지 밝히지 않습니다: &quot;date&quot;가 없습니다</translation>
    </message>
    <message>
        <source>Hugging Face daily papers (JSON)</source>
        <translation>Hugging Face 데일리 논문 (JSON)</translation>
    </message>
    <message>
        <source>not a Hugging Face daily papers list: no JSON array</source>
        <translation>Hugging Face 데일리 논문 목록이 아닙니다: JSON 배열이 없습니다</translation>
    </message>
    <message>
        <source>Daily Papers Markdown</source>
        <translation>Daily Papers Markdown</translation>
    </message>
    <message>
        <source>not a digest in any format readinglist reads</source>
        <translation>readinglist가 읽는 어떤 형식의 다이제스트도 아닙니다</translation>
    </message>
    <message>
        <source>readinglist could not be started again to open {library}.</source>
        <translation>{library}을(를) 열도록 readinglist를 다시 시작하지 못했습니다.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>the library is read-only</source>
        <translation>라이브러리가 읽기 전용입니다</translation>
    </message>
    <message>
        <source>the library is locked by another program: try again when it is done</source>
        <translation>다른 프로그램이 라이브러리를 잠그고 있습니다. 그 프로그램이 끝나면 다시 시도하세요</translation>
    </message>
    <message>
        <source>the library file is damaged (`readinglist check` says what is wrong)</source>
        <translation>라이브러리 파일이 손상되었습니다 (`readinglist check`로 무엇이 잘못되었는지 확인할 수 있습니다)</translation>
    </message>
    <message>
        <source>the library file cannot be opened (is its folder there, and readable?)</source>
        <translation>라이브러리 파일을 열 수 없습니다 (폴더가 있고 읽을 수 있는지 확인하세요)</translation>
    </message>
    <message>
        <source>the disk could not read or write it (an input/output error)</source>
        <translation>디스크가 읽거나 쓰지 못했습니다 (입출력 오류)</translation>
    </message>
    <message>
        <source>permission denied: this user may not read or write it</source>
        <translation>권한이 없습니다: 이 사용자는 읽거나 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>디스크 할당량을 모두 사용했습니다</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>디스크가 읽기 전용입니다</translation>
    </message>
    <message>
        <source>the server cannot be reached, or the connection to it was lost</source>
        <translation>서버에 연결할 수 없거나 서버와의 연결이 끊겼습니다</translation>
    </message>
    <message>
        <source>the server&apos;s disk is full</source>
        <translation>서버의 디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>the server is out of connections or memory: try again later, or ask its administrator</source>
        <translation>서버의 연결 또는 메모리가 부족합니다: 나중에 다시 시도하거나 서버 관리자에게 문의하세요</translation>
    </message>
    <message>
        <source>the server is shutting down or starting up: try again in a moment</source>
        <translation>서버가 종료 중이거나 시작 중입니다: 잠시 후 다시 시도하세요</translation>
    </message>
    <message>
        <source>the server is read-only (a standby, or set so by its administrator)</source>
        <translation>서버가 읽기 전용입니다(대기 서버이거나 관리자가 그렇게 설정했습니다)</translation>
    </message>
    <message>
        <source>the server refused it: your role may not do this</source>
        <translation>서버가 거부했습니다: 이 역할로는 할 수 없습니다</translation>
    </message>
    <message>
        <source>the server stopped it: it took too long, or its administrator cancelled it</source>
        <translation>서버가 중단했습니다: 너무 오래 걸렸거나 관리자가 취소했습니다</translation>
    </message>
    <message>
        <source>another member&apos;s work holds what this needs: try again in a moment</source>
        <translation>다른 구성원의 작업이 필요한 부분을 사용 중입니다: 잠시 후 다시 시도하세요</translation>
    </message>
    <message>
        <source>another member&apos;s change to the same papers came first: try again</source>
        <translation>다른 구성원이 같은 논문을 먼저 변경했습니다: 다시 시도하세요</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Project page</source>
        <translation>프로젝트 페이지</translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>Seen {n} times since {day}, in {sources}</source>
        <translation>{day}부터 {n}번 봄, 출처: {sources}</translation>
    </message>
    <message>
        <source>No summary: the source&apos;s generator wrote an error instead ({error})</source>
        <translation>요약 없음: 출처의 생성기가 요약 대신 오류를 적었습니다 ({error})</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>초록</translation>
    </message>
    <message>
        <source>Suggested tags:</source>
        <translation>추천 태그:</translation>
    </message>
    <message>
        <source>Categories: {categories}</source>
        <translation>분류: {categories}</translation>
    </message>
    <message>
        <source>Rules: {rules}</source>
        <translation>규칙: {rules}</translation>
    </message>
    <message>
        <source>under a week</source>
        <translation>1주 미만</translation>
    </message>
    <message>
        <source>1-4 weeks</source>
        <translation>1-4주</translation>
    </message>
    <message>
        <source>1-3 months</source>
        <translation>1-3개월</translation>
    </message>
    <message>
        <source>3-12 months</source>
        <translation>3-12개월</translation>
    </message>
    <message>
        <source>over a year</source>
        <translation>1년 이상</translation>
    </message>
    <message>
        <source>Rea&amp;ding…</source>
        <translation>읽기 기록(&amp;D)…</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>최근 4주</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>최근 12주</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>최근 6개월</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>최근 1년</translation>
    </message>
    <message>
        <source>Your Reading</source>
        <translation>나의 읽기</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Read and skipped per week</source>
        <translation>주별 읽음과 건너뜀</translation>
    </message>
    <message>
        <source>Queued at the end of each week</source>
        <translation>주말마다 대기 중인 논문</translation>
    </message>
    <message>
        <source>Queued papers by how long they have waited</source>
        <translation>대기 기간별 대기 중인 논문</translation>
    </message>
    <message>
        <source>Top tags of what you read</source>
        <translation>읽은 논문의 주요 태그</translation>
    </message>
    <message>
        <source>Top authors of what you read</source>
        <translation>읽은 논문의 주요 저자</translation>
    </message>
    <message>
        <source>Nothing queued</source>
        <translation>대기 중인 논문 없음</translation>
    </message>
    <message>
        <source>Nothing read in this span</source>
        <translation>이 기간에 읽은 논문 없음</translation>
    </message>
    <message>
        <source>{read} read, {skipped} skipped since {since}; {queued} queued now.</source>
        <translation>{since} 이후 {read}편 읽음, {skipped}편 건너뜀; 지금 {queued}편 대기 중.</translation>
    </message>
    <message>
        <source>Days in a row with something read: {n} (longest {longest}).</source>
        <translation>연속으로 읽은 날: {n}일 (최장 {longest}일).</translation>
    </message>
    <message>
        <source>Half of what you read, you read within {days} days of its arrival.</source>
        <translation>읽은 논문의 절반은 도착 후 {days}일 안에 읽었습니다.</translation>
    </message>
    <message>
        <source>Watch a folder of digests</source>
        <translation>다이제스트 폴더 지켜보기</translation>
    </message>
    <message>
        <source>Any format (recognised from the content)</source>
        <translation>모든 형식 (내용으로 알아냄)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>시작일</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Could not read the subscriptions: {why}</source>
        <translation>구독 목록을 읽지 못했습니다: {why}</translation>
    </message>
    <message>
        <source>Add Subscription</source>
        <translation>구독 추가</translation>
    </message>
    <message>
        <source>The day goes where the address says {placeholders}.</source>
        <translation>주소의 {placeholders} 자리에 날짜가 들어갑니다.</translation>
    </message>
    <message>
        <source>URL template</source>
        <translation>URL 템플릿</translation>
    </message>
    <message>
        <source>New or changed digest files in these folders import by themselves.</source>
        <translation>이 폴더들의 새 다이제스트 파일이나 바뀐 파일은 저절로 가져옵니다.</translation>
    </message>
    <message>
        <source>{folder} (missing)</source>
        <translation>{folder} (없음)</translation>
    </message>
    <message>
        <source>could not reach the server: {problem}</source>
        <translation>서버에 연결할 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>could not fetch it: {problem}</source>
        <translation>가져올 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>Subscriptions could not be reached (offline?); trying again later.</source>
        <translation>구독에 연결할 수 없습니다(오프라인?). 나중에 다시 시도합니다.</translation>
    </message>
    <message>
        <source>{first} → {last} votes</source>
        <translation>추천 {first} → {last}</translation>
    </message>
    <message>
        <source>Votes: {first} on {first_day} → {last} on {last_day}</source>
        <translation>추천: {first_day} {first} → {last_day} {last}</translation>
    </message>
    <message>
        <source>{done} &lt;a href=&quot;{link}&quot;&gt;Show the queued papers&lt;/a&gt;</source>
        <translation>{done} &lt;a href=&quot;{link}&quot;&gt;대기 중인 논문 보기&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Skip the Rest</source>
        <translation>나머지 건너뛰기</translation>
    </message>
    <message>
        <source>Skip what is left of Today; papers brought back are snoozed (one undo step)</source>
        <translation>오늘 남은 논문을 건너뜁니다. 다시 가져온 논문은 미뤄 둡니다 (한 번에 실행 취소)</translation>
    </message>
    <message>
        <source>All caught up: of Today&apos;s papers, {queued} queued and {starred} starred.</source>
        <translation>모두 확인했습니다: 오늘의 논문 중 {queued}편 대기, {starred}편 별표.</translation>
    </message>
    <message>
        <source>Show Progress</source>
        <translation>진행 상황 표시</translation>
    </message>
    <message>
        <source>Nothing new since the last session.</source>
        <translation>지난 세션 이후 새 논문이 없습니다.</translation>
    </message>
    <message>
        <source>a rule needs a name</source>
        <translation>규칙에는 이름이 있어야 합니다</translation>
    </message>
    <message>
        <source>a rule must do something: a tag, a status, a star or first in Today</source>
        <translation>규칙은 태그, 상태, 별표, 오늘 맨 앞 중 하나 이상을 해야 합니다</translation>
    </message>
    <message>
        <source>there is already a rule named &apos;{name}&apos;</source>
        <translation>‘{name}’ 규칙이 이미 있습니다</translation>
    </message>
    <message>
        <source>there is no rule named &apos;{name}&apos;</source>
        <translation>‘{name}’ 규칙이 없습니다</translation>
    </message>
    <message>
        <source>the rule {name} was removed before it could be applied</source>
        <translation>{name} 규칙이 적용되기 전에 삭제되었습니다</translation>
    </message>
    <message>
        <source>a library file has one person: only a shared library&apos;s rules are shared</source>
        <translation>라이브러리 파일은 한 사람의 것입니다: 규칙은 공유 라이브러리에서만 공유됩니다</translation>
    </message>
    <message>
        <source>a shared rule only adds tags: a star, a status and first in Today are each member&apos;s own. Share a rule that only tags, and keep {name}&apos;s other actions in a private rule</source>
        <translation>공유 규칙은 태그만 붙입니다: 별표, 상태, 오늘 맨 앞은 각 구성원의 것입니다. 태그만 붙이는 규칙을 공유하고, {name}의 다른 동작은 개인 규칙에 두세요</translation>
    </message>
    <message>
        <source>the rule {name} is {owner}&apos;s, shared with you: only {owner} can change it</source>
        <translation>{name} 규칙은 {owner} 님이 공유한 것입니다: {owner} 님만 바꿀 수 있습니다</translation>
    </message>
    <message>
        <source>No paper in the library matches the rule {name}.</source>
        <translation>라이브러리에 규칙 {name}에 맞는 논문이 없습니다.</translation>
    </message>
    <message>
        <source>Applied the rule {name} to {what} (Edit → Undo takes it back).</source>
        <translation>{what}에 규칙 {name}을(를) 적용했습니다 (편집 → 실행 취소로 되돌립니다).</translation>
    </message>
    <message>
        <source>Apply the rule {name} to {what} already in the library that match its query? Edit → Undo takes it back.</source>
        <translation>라이브러리에 이미 있는 논문 중 쿼리에 맞는 {what}에 규칙 {name}을(를) 적용할까요? 편집 → 실행 취소로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Apply Rule</source>
        <translation>규칙 적용</translation>
    </message>
    <message>
        <source>tag {tag}</source>
        <translation>태그 {tag}</translation>
    </message>
    <message>
        <source>status {status}</source>
        <translation>상태 {status}</translation>
    </message>
    <message>
        <source>star</source>
        <translation>별표</translation>
    </message>
    <message>
        <source>first in Today</source>
        <translation>오늘 맨 앞</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>쿼리</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>하는 일</translation>
    </message>
    <message>
        <source>Apply to Existing Papers…</source>
        <translation>기존 논문에 적용…</translation>
    </message>
    <message>
        <source>Share with Everyone</source>
        <translation>모두와 공유</translation>
    </message>
    <message>
        <source>Make a Private Copy…</source>
        <translation>개인 사본 만들기…</translation>
    </message>
    <message>
        <source>Rules act on new papers as they are imported: those that match a rule&apos;s query get its tags, its status (given to unread papers only), its star, or come first in Today. Papers already in the library are changed only when you apply a rule to them.</source>
        <translation>규칙은 새 논문을 가져올 때 적용됩니다: 규칙의 쿼리에 맞는 논문은 그 태그, 상태(읽지 않은 논문에만), 별표를 받거나 오늘의 맨 앞에 놓입니다. 라이브러리에 이미 있는 논문은 규칙을 직접 적용할 때만 바뀝니다.</translation>
    </message>
    <message>
        <source>In this shared library a shared rule adds its tags to everyone&apos;s new papers, whoever imports them; a star, a status and first in Today come from each member&apos;s own rules, which act on every new paper, whoever imports it.</source>
        <translation>이 공유 라이브러리에서 공유 규칙은 누가 가져오든 모두의 새 논문에 태그를 붙입니다. 별표, 상태, 오늘 맨 앞은 각 구성원의 자기 규칙으로 정해지며, 그 규칙은 누가 가져오든 모든 새 논문에 적용됩니다.</translation>
    </message>
    <message>
        <source>Could not read the rules: {why}</source>
        <translation>규칙을 읽지 못했습니다: {why}</translation>
    </message>
    <message>
        <source>Stop Sharing</source>
        <translation>공유 중단</translation>
    </message>
    <message>
        <source>Added the rule {name}.</source>
        <translation>규칙 {name}을(를) 추가했습니다.</translation>
    </message>
    <message>
        <source>Removed the rule {name}; what it did stays done.</source>
        <translation>규칙 {name}을(를) 제거했습니다. 이미 한 일은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Shared the rule {name}: it tags everyone&apos;s new papers.</source>
        <translation>{name} 규칙을 공유했습니다: 모두의 새 논문에 태그를 붙입니다.</translation>
    </message>
    <message>
        <source>The rule {name} is yours alone again.</source>
        <translation>{name} 규칙은 다시 나만의 규칙입니다.</translation>
    </message>
    <message>
        <source>Shared by {owner}</source>
        <translation>{owner} 님이 공유함</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>개인</translation>
    </message>
    <message>
        <source>Shared by {owner}: only they can change it. Make a Private Copy… for your own.</source>
        <translation>{owner} 님이 공유함: 그 사람만 바꿀 수 있습니다. 내 규칙이 필요하면 개인 사본 만들기…</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>규칙 추가</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>예: {example}</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>바꾸지 않음</translation>
    </message>
    <message>
        <source>Star them</source>
        <translation>별표 달기</translation>
    </message>
    <message>
        <source>Put them first in Today</source>
        <translation>오늘의 맨 앞에 놓기</translation>
    </message>
    <message>
        <source>Share with everyone in this library</source>
        <translation>이 라이브러리의 모두와 공유</translation>
    </message>
    <message>
        <source>A shared rule only adds tags, to everyone&apos;s new papers: a star, a status and first in Today are each member&apos;s own.</source>
        <translation>공유 규칙은 모두의 새 논문에 태그만 붙입니다: 별표, 상태, 오늘 맨 앞은 각 구성원의 것입니다.</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>추가할 태그</translation>
    </message>
    <message>
        <source>The query does not read: see above.</source>
        <translation>쿼리를 읽을 수 없습니다: 위를 보세요.</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached; trying again…</source>
        <translation>오프라인: 서버에 연결할 수 없습니다. 다시 시도하는 중…</translation>
    </message>
    <message>
        <source>Connect to a Shared Library</source>
        <translation>공유 라이브러리에 연결</translation>
    </message>
    <message>
        <source>from ~/.pgpass when left empty</source>
        <translation>비워 두면 ~/.pgpass에서 가져옵니다</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>주소:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>비밀번호:</translation>
    </message>
    <message>
        <source>Your shared note was changed elsewhere (another computer of yours) since it was opened here: both texts are kept, as two shared notes of yours.</source>
        <translation>공유 메모를 여기서 연 뒤 다른 곳(내 다른 컴퓨터)에서 바뀌었습니다: 두 글을 모두 내 공유 메모 두 개로 남겼습니다.</translation>
    </message>
    <message>
        <source>Your shared note was changed elsewhere (another computer of yours) since it was opened here: it was kept, not removed.</source>
        <translation>공유 메모를 여기서 연 뒤 다른 곳(내 다른 컴퓨터)에서 바뀌었습니다: 지우지 않고 남겼습니다.</translation>
    </message>
    <message>
        <source>a library file has one person: only a shared library&apos;s notes are shared (use --note)</source>
        <translation>라이브러리 파일은 한 사람의 것입니다: 메모는 공유 라이브러리에서만 공유됩니다 (--note를 쓰세요)</translation>
    </message>
    <message>
        <source>you have {count} shared notes on {paper} (both texts kept after a save from another computer): merge them in the window&apos;s Shared tab first</source>
        <translation>{paper}에 내 공유 메모가 {count}개 있습니다 (다른 컴퓨터에서 저장해 두 글이 모두 남음): 먼저 창의 공유 탭에서 합치세요</translation>
    </message>
    <message>
        <source>A note for everyone in this library, in Markdown</source>
        <translation>이 라이브러리의 모두를 위한 메모 (Markdown)</translation>
    </message>
    <message>
        <source>Your shared note is not saved yet: it is saved again when you leave this paper.</source>
        <translation>공유 메모가 아직 저장되지 않았습니다: 이 논문을 떠날 때 다시 저장합니다.</translation>
    </message>
    <message>
        <source>Your shared note (everyone reads it, only you change it):</source>
        <translation>내 공유 메모 (모두가 읽고, 나만 바꿀 수 있음):</translation>
    </message>
    <message>
        <source>Another computer of yours changed your shared note at the same time: its text is kept too, above (Edit this one).</source>
        <translation>내 다른 컴퓨터에서 같은 때에 공유 메모를 바꾸었습니다: 그 글도 위에 남겨 두었습니다 (이 메모 편집).</translation>
    </message>
    <message>
        <source>No one else has shared a note on this paper.</source>
        <translation>이 논문에 다른 사람이 공유한 메모가 없습니다.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Edit this one</source>
        <translation>이 메모 편집</translation>
    </message>
    <message>
        <source>Your rules could not act on the papers others imported: {why}</source>
        <translation>다른 구성원이 가져온 논문에 내 규칙을 적용하지 못했습니다: {why}</translation>
    </message>
    <message>
        <source>Your rules acted on 1 new paper ({rules})</source>
        <translation>내 규칙이 새 논문 1편에 적용되었습니다 ({rules})</translation>
    </message>
    <message>
        <source>Your rules acted on {n} new papers ({rules})</source>
        <translation>내 규칙이 새 논문 {n}편에 적용되었습니다 ({rules})</translation>
    </message>
</context>
</TS>
