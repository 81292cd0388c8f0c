<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionDialog</name>
    <message>
        <source>{action} — {number}</source>
        <translation>{action} — {number}</translation>
    </message>
    <message>
        <source>기업이 이 기관에 정보 제공(제3자 제공)을 동의함</source>
        <translation>The firm consents to sharing its data with this agency</translation>
    </message>
    <message>
        <source>일</source>
        <translation> days</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>회신 내용</source>
        <translation>Reply text</translation>
    </message>
    <message>
        <source>현장 답변</source>
        <translation>Answer given on site</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>처리 결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>연장 기간</source>
        <translation>Extension</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>AgeingTableModel</name>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>처리중</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>0–7일</source>
        <translation>0–7 days</translation>
    </message>
    <message>
        <source>8–14일</source>
        <translation>8–14 days</translation>
    </message>
    <message>
        <source>15–30일</source>
        <translation>15–30 days</translation>
    </message>
    <message>
        <source>31일 이상</source>
        <translation>31+ days</translation>
    </message>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>(미배정)</source>
        <translation>(not routed)</translation>
    </message>
</context>
<context>
    <name>AgencyQueuePage</name>
    <message>
        <source>기관 업무함</source>
        <translation>Agency queue</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>처음 시작: 데모 데이터(기업 {firms}개, 사례 {cases}건)를 넣었습니다. 데이터 위치: {path}</source>
        <translation>First start: added demo data ({firms} firms, {cases} cases). Data is kept in {path}</translation>
    </message>
    <message>
        <source>데이터 위치: {path}</source>
        <translation>Data is kept in {path}</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>사례 {number}</source>
        <translation>Case {number}</translation>
    </message>
    <message>
        <source>수정 저장 (Ctrl+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
        <source>되돌리기</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>민원 유형</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>담당자</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>접수</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>처리 결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>처리기한</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>정지·연장</source>
        <translation>Pauses and extension</translation>
    </message>
    <message>
        <source>제3자 제공 동의</source>
        <translation>Consent to share</translation>
    </message>
    <message>
        <source>처리 단계</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>메모를 쓰고 Enter</source>
        <translation>Type a note and press Enter</translation>
    </message>
    <message>
        <source>메모 추가</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>처리 이력</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>(미배정)</source>
        <translation>(not routed)</translation>
    </message>
    <message>
        <source>{agency} — {at}, {by}</source>
        <translation>{agency} — {at}, {by}</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>None</translation>
    </message>
    <message>
        <source>종결됨</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>기한 임박</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>정지 중 (보완 요구)</source>
        <translation>Paused (supplement requested)</translation>
    </message>
    <message>
        <source>기한 내</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>진행 중</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <source>정지 {start} ~ {end} ({reason})</source>
        <translation>Paused {start} – {end} ({reason})</translation>
    </message>
    <message>
        <source>연장 {period} ({at}, 사유: {reason})</source>
        <translation>Extended by {period} ({at}, reason: {reason})</translation>
    </message>
    <message>
        <source>저장하지 않은 수정 내용이 있습니다 ({at}). 복원할까요?</source>
        <translation>There are unsaved changes ({at}). Restore them?</translation>
    </message>
    <message>
        <source>복원</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>버리기</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>번호·내용·기업명 검색</source>
        <translation>Search number, text, firm</translation>
    </message>
    <message>
        <source>사례 검색</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <source>모든 상태</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>처리 중인 사례</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>모든 분야</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>모든 기관</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>모든 현장지원단</source>
        <translation>All sessions</translation>
    </message>
    <message>
        <source>기한 경과만</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>기업명 가리기</source>
        <translation>Mask firm names</translation>
    </message>
</context>
<context>
    <name>CaseQueue</name>
    <message>
        <source>담당자 지정…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <source>독촉 메모 보내기…</source>
        <translation>Send reminder…</translation>
    </message>
    <message>
        <source>모두 선택</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>{n}건 이상 (세는 중…)</source>
        <translation>{n}+ cases (counting…)</translation>
    </message>
    <message>
        <source>{n}건</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <source>먼저 사례를 고르세요.</source>
        <translation>Select cases first.</translation>
    </message>
    <message>
        <source>담당자 지정 — {n}건</source>
        <translation>Assign — {n} cases</translation>
    </message>
    <message>
        <source>담당자</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>독촉 메모 — {n}건</source>
        <translation>Reminder — {n} cases</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>[독촉] 처리기한이 지났거나 임박했습니다. 처리 상황을 회신해 주시기 바랍니다.</source>
        <translation>[Reminder] The deadline has passed or is near. Please reply with the status of this case.</translation>
    </message>
    <message>
        <source>처리 중…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{done}건 처리했습니다.</source>
        <translation>Done: {done} cases.</translation>
    </message>
    <message>
        <source>{n}건은 처리하지 못했습니다: {first}</source>
        <translation>{n} cases could not be processed: {first}</translation>
    </message>
    <message>
        <source>중단되었습니다: {error}</source>
        <translation>Stopped: {error}</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>기한 임박</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>기한 내</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>번호</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>접수일시</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>기업</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>처리기한</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>경과일</source>
        <translation>Days open</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>{n}건</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <source>{n}건 이상 (세는 중…)</source>
        <translation>{n}+ cases (counting…)</translation>
    </message>
</context>
<context>
    <name>FirmCard</name>
    <message>
        <source>기업을 고르세요</source>
        <translation>Choose a firm</translation>
    </message>
    <message>
        <source>열람 사유 (예: 회신 결과 안내 전화)</source>
        <translation>Reason to view (e.g. phoning the reply)</translation>
    </message>
    <message>
        <source>연락처 보기</source>
        <translation>Show contacts</translation>
    </message>
    <message>
        <source>다시 가리기</source>
        <translation>Mask again</translation>
    </message>
    <message>
        <source>연락처 (개인정보 — 기본 가림)</source>
        <translation>Contacts (personal data — masked by default)</translation>
    </message>
    <message>
        <source>대표자</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>이메일</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>이 기업의 사례</source>
        <translation>This firm's cases</translation>
    </message>
    <message>
        <source>선택한 중복 기업을 이 기업으로 병합</source>
        <translation>Merge the selected duplicate into this firm</translation>
    </message>
    <message>
        <source>중복 후보 (같은 사업자등록번호)</source>
        <translation>Possible duplicates (same BRN)</translation>
    </message>
    <message>
        <source>사업자등록번호 {brn}</source>
        <translation>BRN {brn}</translation>
    </message>
    <message>
        <source>법인등록번호 {no}</source>
        <translation>Corporate no. {no}</translation>
    </message>
    <message>
        <source>등록 {day}</source>
        <translation>registered {day}</translation>
    </message>
    <message>
        <source>이 기업의 사례 ({n}건, 모든 현장지원단)</source>
        <translation>This firm's cases ({n}, all sessions)</translation>
    </message>
    <message>
        <source>열람 사유를 입력하세요.</source>
        <translation>Enter the reason for viewing.</translation>
    </message>
    <message>
        <source>사례 {n}건</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <source>기업 병합</source>
        <translation>Merge firms</translation>
    </message>
    <message>
        <source>'{other}'의 사례와 동의 기록을 '{keep}'(으)로 옮기고 '{other}'을(를) 삭제 표시합니다. 병합할까요?</source>
        <translation>Move the cases and consents of '{other}' to '{keep}' and mark '{other}' deleted. Merge?</translation>
    </message>
</context>
<context>
    <name>FirmLookup</name>
    <message>
        <source>사업자등록번호, 기업명 또는 초성 (예: 124-81-00998, 광양, ㄱㅇㅊㄱ)</source>
        <translation>BRN, firm name or initial consonants (e.g. 124-81-00998, 광양, ㄱㅇㅊㄱ)</translation>
    </message>
    <message>
        <source>기업 찾기</source>
        <translation>Find firm</translation>
    </message>
    <message>
        <source>{n}개 기업 — ↓↑로 고르고 Enter로 선택</source>
        <translation>{n} firms — ↓↑ to choose, Enter to pick</translation>
    </message>
    <message>
        <source>등록되지 않은 사업자등록번호입니다. Enter로 새 기업을 등록합니다.</source>
        <translation>Unknown BRN. Press Enter to register a new firm.</translation>
    </message>
    <message>
        <source>사업자등록번호 {n}/10자리</source>
        <translation>BRN {n}/10 digits</translation>
    </message>
    <message>
        <source>찾은 기업이 없습니다. Enter로 새 기업을 등록합니다.</source>
        <translation>No firm found. Press Enter to register a new firm.</translation>
    </message>
</context>
<context>
    <name>FirmTableModel</name>
    <message>
        <source>사업자등록번호</source>
        <translation>BRN</translation>
    </message>
    <message>
        <source>기업명</source>
        <translation>Firm name</translation>
    </message>
    <message>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>규모</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>업종(KSIC)</source>
        <translation>Industry (KSIC)</translation>
    </message>
    <message>
        <source>대표자</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>FirmsPage</name>
    <message>
        <source>사업자등록번호, 기업명 일부 또는 초성 (Ctrl+F)</source>
        <translation>BRN, part of the name or initial consonants (Ctrl+F)</translation>
    </message>
    <message>
        <source>기업 검색</source>
        <translation>Search firms</translation>
    </message>
    <message>
        <source>찾은 기업 {n}개</source>
        <translation>{n} firms found</translation>
    </message>
    <message>
        <source>전체 기업 {n}개</source>
        <translation>{n} firms</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>기업 변경</source>
        <translation>Other firm</translation>
    </message>
    <message>
        <source>기업이 말한 애로사항을 그대로 적습니다.</source>
        <translation>Write down the difficulty as the firm describes it.</translation>
    </message>
    <message>
        <source>애로사항 내용</source>
        <translation>Difficulty</translation>
    </message>
    <message>
        <source>분야 선택</source>
        <translation>Choose a field</translation>
    </message>
    <message>
        <source>기관 배정(&amp;R)</source>
        <translation>&amp;Route to an agency</translation>
    </message>
    <message>
        <source>현장해결(&amp;O)</source>
        <translation>Resolved &amp;on site</translation>
    </message>
    <message>
        <source>— 배정하지 않음 —</source>
        <translation>— not routed —</translation>
    </message>
    <message>
        <source>제안과 다른 기관을 고른 이유</source>
        <translation>Why another agency than the suggested one</translation>
    </message>
    <message>
        <source>현장에서 안내한 답변</source>
        <translation>Answer given on site</translation>
    </message>
    <message>
        <source>접수 저장 (Ctrl+Enter)</source>
        <translation>Save case (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>새로 쓰기</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>기업(&amp;K)</source>
        <translation>Fir&amp;m</translation>
    </message>
    <message>
        <source>애로사항(&amp;T)</source>
        <translation>Difficul&amp;ty</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>민원 유형</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>처리</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>변경 사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>제3자 제공 동의</source>
        <translation>Consent to share</translation>
    </message>
    <message>
        <source>현장 답변</source>
        <translation>Answer given on site</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>분야 선택</source>
        <translation>Choose a field</translation>
    </message>
    <message>
        <source>선택된 기업 없음</source>
        <translation>No firm chosen</translation>
    </message>
    <message>
        <source>제안: {field}</source>
        <translation>Suggested: {field}</translation>
    </message>
    <message>
        <source>다른 후보: {others}</source>
        <translation>also: {others}</translation>
    </message>
    <message>
        <source>제안: {field} — Enter로 수락</source>
        <translation>Suggested: {field} — Enter accepts</translation>
    </message>
    <message>
        <source>처리기한 {due}</source>
        <translation>Due {due}</translation>
    </message>
    <message>
        <source>라우팅 표에 맞는 기관이 없습니다. 직접 고르세요.</source>
        <translation>No routing rule matches. Choose the agency.</translation>
    </message>
    <message>
        <source>기업이 {agency}에 정보 제공을 동의함</source>
        <translation>The firm consents to sharing with {agency}</translation>
    </message>
    <message>
        <source>기업을 먼저 찾거나 등록하세요.</source>
        <translation>Find or register the firm first.</translation>
    </message>
    <message>
        <source>분야를 고르세요 (분야 칸에서 Enter를 누르면 제안을 받아들입니다).</source>
        <translation>Choose the field (Enter in the field box accepts the suggestion).</translation>
    </message>
    <message>
        <source>제안과 다른 기관을 고른 이유를 입력하세요.</source>
        <translation>Enter why you chose another agency than the suggested one.</translation>
    </message>
    <message>
        <source>현장에서 안내한 답변을 입력하세요.</source>
        <translation>Enter the answer given on site.</translation>
    </message>
    <message>
        <source>접수됨: {number} · {status} · 기한 {due}</source>
        <translation>Saved: {number} · {status} · due {due}</translation>
    </message>
    <message>
        <source>저장하지 않은 접수 내용이 있습니다 ({at}). 복원할까요?</source>
        <translation>There is an unsaved intake ({at}). Restore it?</translation>
    </message>
    <message>
        <source>복원</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>버리기</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>원스톱 현장지원 데스크</source>
        <translation>OneStop Field Desk</translation>
    </message>
    <message>
        <source>오늘의 현장</source>
        <translation>Today's clinic</translation>
    </message>
    <message>
        <source>사례 목록</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>기업</source>
        <translation>Firms</translation>
    </message>
    <message>
        <source>기관 업무함</source>
        <translation>Agency queue</translation>
    </message>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>동기화·충돌</source>
        <translation>Sync and conflicts</translation>
    </message>
    <message>
        <source>보고서</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>파일(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>새 사례 접수(&amp;N)</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <source>기업 찾기(&amp;F)</source>
        <translation>&amp;Find firm</translation>
    </message>
    <message>
        <source>사례 검색(&amp;S)</source>
        <translation>&amp;Search cases</translation>
    </message>
    <message>
        <source>새로 고침(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>끝내기(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>보기(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>도움말(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>정보(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>데이터: {path}</source>
        <translation>Data: {path}</translation>
    </message>
    <message>
        <source>사용자: {name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <source>미동기화 변경: {n}</source>
        <translation>Unsynced changes: {n}</translation>
    </message>
    <message>
        <source>현장지원단 결과표, 처리대장, 기관별 회신 요청서 등의 PDF·엑셀 보고서가 여기에 들어옵니다 (준비 중).</source>
        <translation>PDF and Excel reports (session results, case register, reply requests per agency) will be here (in preparation).</translation>
    </message>
    <message>
        <source>정보</source>
        <translation>About</translation>
    </message>
    <message>
        <source>원스톱 현장지원 데스크 {version}
데이터: {path}</source>
        <translation>OneStop Field Desk {version}
Data: {path}</translation>
    </message>
</context>
<context>
    <name>NewFirmForm</name>
    <message>
        <source>— 지역 —</source>
        <translation>— region —</translation>
    </message>
    <message>
        <source>— 규모 —</source>
        <translation>— size —</translation>
    </message>
    <message>
        <source>기업 등록 (Enter)</source>
        <translation>Register firm (Enter)</translation>
    </message>
    <message>
        <source>취소 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>새 기업 — 사업자등록번호</source>
        <translation>New firm — BRN</translation>
    </message>
    <message>
        <source>기업명</source>
        <translation>Firm name</translation>
    </message>
    <message>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>규모</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>대표자</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>{n}/10자리</source>
        <translation>{n}/10 digits</translation>
    </message>
    <message>
        <source>검증번호 확인</source>
        <translation>check digit OK</translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <source>현장지원단 열기</source>
        <translation>Open session</translation>
    </message>
</context>
<context>
    <name>OverduePage</name>
    <message>
        <source>모든 기관</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>새 현장지원단</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>예: 2026 순천 원스톱 현장지원단 1차</source>
        <translation>e.g. 2026 Suncheon one-stop clinic, 1st</translation>
    </message>
    <message>
        <source>예: 순천시 해룡산단 기업지원센터</source>
        <translation>e.g. Haeryong industrial park business center, Suncheon</translation>
    </message>
    <message>
        <source>— 지역 —</source>
        <translation>— region —</translation>
    </message>
    <message>
        <source>쉼표로 구분 (예: 김상담, 이지원)</source>
        <translation>comma-separated (e.g. 김상담, 이지원)</translation>
    </message>
    <message>
        <source>날짜</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>장소</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>참여 기관</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>상담원</source>
        <translation>Consultants</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>— 선택 —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>상담원</source>
        <translation>Consultants</translation>
    </message>
    <message>
        <source>총괄 코디네이터</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>관리자</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>예: 순천 → 2026-순천-0042</source>
        <translation>e.g. 순천 → 2026-순천-0042</translation>
    </message>
    <message>
        <source>사례 목록에서 기업명 가리기</source>
        <translation>Mask firm names in case lists</translation>
    </message>
    <message>
        <source>찾아보기…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>폴더 열기</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>지금 쓰는 데이터베이스: {path}</source>
        <translation>Database in use: {path}</translation>
    </message>
    <message>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>되돌리기</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>소속 기관</source>
        <translation>My agency</translation>
    </message>
    <message>
        <source>역할</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>기기 이름</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>언어</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>사례 번호 접두어</source>
        <translation>Case number prefix</translation>
    </message>
    <message>
        <source>데이터 폴더</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>데이터 폴더를 바꾸면 다음에 프로그램을 시작할 때 적용됩니다.</source>
        <translation>A new data folder is used from the next start of the program.</translation>
    </message>
    <message>
        <source>저장했습니다.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>동기화·충돌</source>
        <translation>Sync and conflicts</translation>
    </message>
    <message>
        <source>노트북 사이의 동기화(USB·공유 폴더·PostgreSQL 허브)와 충돌 목록이 여기에 표시됩니다.
아직 동기화 기능이 없으므로 모든 변경은 이 노트북에만 저장되어 있습니다.</source>
        <translation>Sync between laptops (USB stick, shared folder, PostgreSQL hub) and the conflicts inbox will be shown here.
Sync does not exist yet: every change is kept on this laptop only.</translation>
    </message>
</context>
<context>
    <name>TimelineTableModel</name>
    <message>
        <source>일시</source>
        <translation>When</translation>
    </message>
    <message>
        <source>처리자</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>구분</source>
        <translation>What</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>접수</source>
        <translation>Logged</translation>
    </message>
    <message>
        <source>상태 변경</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>수정</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>동의</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>기업 병합</source>
        <translation>Merge firms</translation>
    </message>
    <message>
        <source>{n}일 연장</source>
        <translation>extended {n} days</translation>
    </message>
    <message>
        <source>사유: {reason}</source>
        <translation>reason: {reason}</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>민원 유형</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>담당자</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>내용 수정</source>
        <translation>Text edited</translation>
    </message>
    <message>
        <source>{agency}에 제3자 제공 동의</source>
        <translation>Consent to share with {agency}</translation>
    </message>
    <message>
        <source>중복 기업 '{name}'에서 옮겨옴</source>
        <translation>Moved from duplicate firm '{name}'</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>새 현장지원단…</source>
        <translation>New session…</translation>
    </message>
    <message>
        <source>현장지원단 열기…</source>
        <translation>Open session…</translation>
    </message>
    <message>
        <source>현장지원단 닫기</source>
        <translation>Close session</translation>
    </message>
    <message>
        <source>현장지원단</source>
        <translation>Clinic session</translation>
    </message>
    <message>
        <source>애로사항 접수 (Ctrl+N)</source>
        <translation>New difficulty (Ctrl+N)</translation>
    </message>
    <message>
        <source>열린 현장지원단 없음 (상설 창구 접수)</source>
        <translation>No session open (standing desk)</translation>
    </message>
    <message>
        <source>현장지원단을 만들거나 열면, 접수하는 애로사항이 그 현장지원단에 속합니다.</source>
        <translation>Create or open a session: the difficulties you log then belong to it.</translation>
    </message>
    <message>
        <source>오늘 접수한 사례</source>
        <translation>Cases received today</translation>
    </message>
    <message>
        <source>{day} · {place}
참여 기관: {agencies}
상담원: {consultants}</source>
        <translation>{day} · {place}
Agencies: {agencies}
Consultants: {consultants}</translation>
    </message>
    <message>
        <source>이 현장지원단의 사례</source>
        <translation>Cases of this session</translation>
    </message>
    <message>
        <source>접수 {total}건 · 처리중 {open}건 · 종결 {closed}건 · 기한 경과 {overdue}건</source>
        <translation>{total} received · {open} open · {closed} closed · {overdue} overdue</translation>
    </message>
</context>
</TS>
