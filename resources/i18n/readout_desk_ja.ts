<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>&amp;About Readout Desk</source>
        <translation>Readout Desk について(&amp;A)</translation>
    </message>
    <message>
        <source>Version, the open archive and where its files are</source>
        <translation>バージョン、開いているアーカイブ、ファイルの保存場所</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>ライセンス(&amp;L)</translation>
    </message>
    <message>
        <source>The licences of Readout Desk and of the components it carries</source>
        <translation>Readout Desk と同梱コンポーネントのライセンス</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Readout Desk</source>
        <translation>Readout Desk について</translation>
    </message>
    <message>
        <source>Readout Desk version {version}</source>
        <translation>Readout Desk バージョン {version}</translation>
    </message>
    <message>
        <source>A desktop archive of diplomatic meeting readouts, with time-zone-aware meeting times.</source>
        <translation>外交会談の記録を保存・検索するデスクトップアーカイブ。会談時刻をタイムゾーンに沿って扱います。</translation>
    </message>
    <message>
        <source>{licence} (&lt;a href=&quot;licences&quot;&gt;licences of the program and its components&lt;/a&gt;)</source>
        <translation>{licence}（&lt;a href=&quot;licences&quot;&gt;本プログラムとコンポーネントのライセンス&lt;/a&gt;）</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>ライセンス:</translation>
    </message>
    <message>
        <source>Home page:</source>
        <translation>ホームページ:</translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation>アーカイブ:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>データフォルダー:</translation>
    </message>
    <message>
        <source>Log files:</source>
        <translation>ログファイル:</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>動作環境:</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>データフォルダーを開く(&amp;D)</translation>
    </message>
    <message>
        <source>Show the folder holding the archive in the file manager</source>
        <translation>アーカイブのあるフォルダーをファイルマネージャーで表示します</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>詳細をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy version and paths, for a bug report</source>
        <translation>不具合報告用にバージョンとパスをコピーします</translation>
    </message>
    <message>
        <source>Opened {folder}.</source>
        <translation>{folder} を開きました。</translation>
    </message>
    <message>
        <source>No file manager could open {folder}; the path can be copied from above.</source>
        <translation>{folder} を開けるファイルマネージャーがありません。上のパスをコピーしてください。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Readout Desk</source>
        <extracomment>When the window&apos;s features are installed at the latest, if its first page is slow. When the archive opens at the latest after a first page that nothing paints (a window shown minimised, say). What opening an archive imports (SQLAlchemy, the ORM, the models, recovery, backups). Modules without Qt that the first page needs: its read, the lock&apos;s name, the dates. PySide6 reads the source of every module named in an import after it loads (for its ``__feature__`` switches): importing these first, and what they import, is cheaper. Whether the system hands documents to the running application as events rather than on the command line (macOS&apos;s Finder). An application-wide event filter sees every event of every widget, so it is installed only where such events come. Qt&apos;s own command-line options that take a value (&quot;-platform xcb&quot;); see QApplication.</extracomment>
        <translation>Readout Desk</translation>
    </message>
    <message>
        <source>The archive {location} could not be opened</source>
        <translation>アーカイブ {location} を開けませんでした</translation>
    </message>
    <message>
        <source>{zone} is not a time zone such as Asia/Tokyo; the zone from the preferences is used.</source>
        <translation>{zone} は Asia/Tokyo のようなタイムゾーンではありません。設定のタイムゾーンを使います。</translation>
    </message>
    <message>
        <source>The main window could not be built</source>
        <translation>メインウィンドウを作成できませんでした</translation>
    </message>
</context>
<context>
    <name>ArchiveCheck</name>
    <message>
        <source>{damage} Restore a backup from File &gt; Backups and Restore.</source>
        <extracomment>When a large archive (checked only in part before opening) is checked in the background. When a check that gave way to a save starts again. How long closing the window waits for the check to stop after interrupting it.</extracomment>
        <translation>{damage} [ファイル] &gt; [バックアップと復元] からバックアップを復元してください。</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <source>Backup Settings</source>
        <translation>バックアップ設定</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 時間</translation>
    </message>
    <message>
        <source>Back up automatically every:</source>
        <translation>自動バックアップの間隔:</translation>
    </message>
    <message>
        <source>Automatic backups to keep:</source>
        <translation>保持する自動バックアップ数:</translation>
    </message>
    <message>
        <source>A backup is also made when Readout Desk closes, if the last one is older than an hour. Backups made by hand are kept until you delete them.</source>
        <translation>前回のバックアップから1時間以上経っていれば、Readout Desk の終了時にもバックアップを作成します。手動で作成したバックアップは、削除するまで保持されます。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backing up…</source>
        <extracomment>Preferences (keys in the settings file) and their defaults. How often the schedule looks whether a backup is due. Larger archives are not backed up while the window closes (it would keep it waiting).</extracomment>
        <translation>バックアップ中…</translation>
    </message>
    <message>
        <source>Backed up to {path} ({label}).</source>
        <translation>{path} にバックアップしました（{label}）。</translation>
    </message>
    <message>
        <source>The backup failed: {exc}</source>
        <translation>バックアップに失敗しました: {exc}</translation>
    </message>
    <message>
        <source>Backed up: {label}.</source>
        <translation>バックアップしました: {label}。</translation>
    </message>
    <message>
        <source>Restored the backup of {created} UTC. The previous state was kept as a backup ({label}).</source>
        <translation>{created} UTC のバックアップを復元しました。復元前の状態はバックアップとして保存してあります（{label}）。</translation>
    </message>
    <message>
        <source>The scheduled backup failed: {exc}</source>
        <translation>定期バックアップに失敗しました: {exc}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>What the backup holds</source>
        <translation>バックアップの内容</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore This Backup…</source>
        <translation>このバックアップを復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Backups are kept in {folder}.</source>
        <translation>バックアップの保存先: {folder}</translation>
    </message>
    <message>
        <source>This archive is kept only in memory and has no backups.</source>
        <translation>このアーカイブはメモリー上にしかないため、バックアップはありません。</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>バックアップはまだありません。</translation>
    </message>
    <message numerus="yes">
        <source>Bringing the backup to the current format: {done} of %n readouts…</source>
        <translation>
            <numerusform>バックアップを現在の形式に更新中: 会談記録 %n 件中 {done} 件…</numerusform>
        </translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>バックアップ中…</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>バックアップを読み込み中…</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>バックアップの復元</translation>
    </message>
    <message numerus="yes">
        <source>Replace everything in the archive with the backup of {created} UTC (%n readouts)?

The archive as it is now is backed up first, so this can be undone.</source>
        <translation>
            <numerusform>アーカイブの内容をすべて {created} UTC のバックアップ（会談記録 %n 件）に置き換えますか?

現在のアーカイブは先にバックアップされるため、元に戻せます。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>復元中…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Archive message</source>
        <translation>アーカイブからのお知らせ</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>このメッセージを閉じます</translation>
    </message>
    <message>
        <source>Hide message</source>
        <translation>メッセージを閉じる</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>New from &amp;Web Page…</source>
        <translation>Web ページから新規作成(&amp;W)…</translation>
    </message>
    <message>
        <source>Capture a published readout from its web page and review the draft read from it; you can also drop a link on the window</source>
        <translation>公表された会談記録を Web ページから取り込み、読み取った下書きを確認します。ウィンドウにリンクをドロップしても取り込めます</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <source>New Readout from Web Page</source>
        <translation>Web ページから会談記録を新規作成</translation>
    </message>
    <message>
        <source>New readout from a web page</source>
        <translation>Web ページからの会談記録の新規作成</translation>
    </message>
    <message>
        <source>The &amp;address of a published readout. Only the page itself is fetched (no scripts, images or other pages); the draft opens in the editor beside the page&apos;s text, and nothing is saved until you save.</source>
        <translation>公表された会談記録のアドレス。取得するのはそのページだけです（スクリプト、画像、他のページは取得しません）。下書きはページの本文と並べてエディターで開き、保存するまで何も保存されません。(&amp;A)</translation>
    </message>
    <message>
        <source>Web page address</source>
        <translation>Web ページのアドレス</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>取り込む(&amp;C)</translation>
    </message>
    <message>
        <source>Give the address of a web page.</source>
        <translation>Web ページのアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Fetching {address}…</source>
        <translation>{address} を取得中…</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>Section</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会談日</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公表日</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>機会</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Countries involved</source>
        <translation>関係国</translation>
    </message>
    <message>
        <source>Participant {number}</source>
        <translation>参加者 {number}</translation>
    </message>
    <message>
        <source>Session {number}</source>
        <translation>会合 {number}</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>冒頭段落</translation>
    </message>
    <message>
        <source>Point {label}</source>
        <translation>要点 {label}</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>Photo {number}</source>
        <translation>写真 {number}</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>発表元</translation>
    </message>
    <message>
        <source>Source URL</source>
        <translation>出典 URL</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Saved elsewhere: compare and merge</source>
        <extracomment>Pale marks: the side taken for a field that differs, and the side left.</extracomment>
        <translation>他の場所で保存されています: 比較して統合</translation>
    </message>
    <message>
        <source>Compare and merge</source>
        <translation>比較して統合</translation>
    </message>
    <message>
        <source>version {version}, saved {when}</source>
        <translation>バージョン {version}（{when} に保存）</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>バージョン {version}</translation>
    </message>
    <message>
        <source>Readout {id} was saved elsewhere while you were editing it: you started from version {read}, and the archive now holds {stored}. Nothing was overwritten, and your changes are still in the form.</source>
        <translation>編集中に会談記録 {id} が他の場所で保存されました。編集を始めたのはバージョン {read} からで、アーカイブには現在 {stored} があります。何も上書きされておらず、変更内容はフォームに残っています。</translation>
    </message>
    <message>
        <source>Fields that differ: {count}, marked ≠. For each, choose theirs or mine (the side taken is green); the merge is saved on top of their version, which stays in the history.</source>
        <translation>異なる項目: {count}（≠ 印）。項目ごとに相手側か自分側を選んでください（選んだ側が緑になります）。統合結果は相手側のバージョンの上に保存され、相手側のバージョンは履歴に残ります。</translation>
    </message>
    <message>
        <source>Both versions hold the same fields; saving keeps them as they are.</source>
        <translation>両方のバージョンの項目は同じです。保存してもそのままです。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Theirs, as now stored ({stored})</source>
        <translation>相手側（現在の保存内容、{stored}）</translation>
    </message>
    <message>
        <source>Mine, in this form</source>
        <translation>自分側（このフォームの内容）</translation>
    </message>
    <message>
        <source>Keep all &amp;theirs</source>
        <translation>すべて相手側を採用(&amp;T)</translation>
    </message>
    <message>
        <source>Keep all &amp;mine</source>
        <translation>すべて自分側を採用(&amp;M)</translation>
    </message>
    <message>
        <source>Show the &amp;history</source>
        <translation>履歴を表示(&amp;H)</translation>
    </message>
    <message>
        <source>Close this and show the readout&apos;s versions</source>
        <translation>これを閉じて会談記録のバージョンを表示します</translation>
    </message>
    <message>
        <source>&amp;Save the merge</source>
        <translation>統合結果を保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the fields chosen on top of their version</source>
        <translation>選んだ項目を相手側のバージョンの上に保存します</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Go on editing; nothing is saved</source>
        <translation>編集を続けます。何も保存されません</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会談日</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公表日</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>機会</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Countries involved</source>
        <translation>関係国</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>冒頭段落</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>発表元</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>出典アドレス</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation>相手側を使う</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>自分側を使う</translation>
    </message>
    <message>
        <source>{field}: use theirs</source>
        <translation>{field}: 相手側を使う</translation>
    </message>
    <message>
        <source>{field}: use mine</source>
        <translation>{field}: 自分側を使う</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Readout Desk — something went wrong</source>
        <extracomment>After this many reports in one dialog, further ones are only counted (and logged).</extracomment>
        <translation>Readout Desk — 問題が発生しました</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>エラーレポート</translation>
    </message>
    <message>
        <source>Error report text</source>
        <translation>エラーレポートの本文</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>レポートをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <source>The full report is also in the log file {path}.</source>
        <translation>レポート全文はログファイル {path} にもあります。</translation>
    </message>
    <message>
        <source>Readout Desk ran into an unexpected problem and stopped what it was doing ({summary}). The program is still running. Changes already saved to the archive are kept; the last action may not have finished, so check it.</source>
        <translation>Readout Desk で予期しない問題が発生したため、実行中の処理を中止しました（{summary}）。プログラムは動作を続けています。アーカイブに保存済みの変更は残っていますが、直前の操作は完了していない可能性があるので確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n errors so far ({omitted} only in the log).</source>
        <translation>
            <numerusform>これまでのエラーは %n 件です（うち {omitted} 件はログのみ）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n errors so far.</source>
        <translation>
            <numerusform>これまでのエラーは %n 件です。</numerusform>
        </translation>
    </message>
    <message>
        <source>If it happens again, please send the report below with a note of what you were doing.</source>
        <translation>再び発生した場合は、行っていた操作を書き添えて、下のレポートを送ってください。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>{what}: {summary}.

Readout Desk has to close. The report below is also in the log file; please send it with a note of what you were doing.</source>
        <extracomment>Emitted on the UI thread with the report, after it was logged and shown.</extracomment>
        <translation>{what}: {summary}。

Readout Desk を終了する必要があります。下のレポートはログファイルにもあります。行っていた操作を書き添えて送ってください。</translation>
    </message>
</context>
<context>
    <name>CsvMappingForm</name>
    <message>
        <source>Column for {label}</source>
        <translation>{label} の列</translation>
    </message>
    <message>
        <source>CSV files: choose the column that holds each field. The same mapping is used for every CSV file of this import.</source>
        <translation>CSV ファイル: 各項目が入っている列を選んでください。今回インポートするすべての CSV ファイルに同じ対応付けを使います。</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Readout</source>
        <extracomment>The width a photo is shown at in the reading pane, in device-independent pixels. How long after a readout is laid out the pane paints it: long enough that the event loop turns once between the two (keys and timers waiting are handled in between). A few letters, figures and signs in Latin and in Japanese script. The forms the reading pane shows text in (the tags and styles ``render.readout_html`` writes), each once: laid out when the pane is made, so the window&apos;s first readout finds the fonts, fallbacks and sizes it needs loaded. Each photo&apos;s image, by the address the document gives it. The readout now shown (``None`` when the pane is empty), for the panes beside it.</extracomment>
        <translation>会談記録</translation>
    </message>
    <message>
        <source>The selected readout</source>
        <translation>選択した会談記録</translation>
    </message>
</context>
<context>
    <name>DraftMarks</name>
    <message>
        <source>Read from the text: “{words}”</source>
        <extracomment>Form fields (by object name) filled from a span of the text.</extracomment>
        <translation>本文から読み取り: 「{words}」</translation>
    </message>
    <message>
        <source>Proposed: the text prints none</source>
        <translation>提案値: 本文には記載がありません</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>Review &amp;Drafts ({count})…</source>
        <translation>下書きを確認(&amp;D) ({count})…</translation>
    </message>
    <message>
        <source>Review &amp;Drafts…</source>
        <translation>下書きを確認(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Drafts to Review</source>
        <translation>確認待ちの下書き</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>&amp;Review in Editor…</source>
        <translation>エディターで確認(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>破棄(&amp;D)…</translation>
    </message>
    <message>
        <source>No drafts wait for review.</source>
        <translation>確認待ちの下書きはありません。</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>注: {note}</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>下書きの破棄</translation>
    </message>
    <message>
        <source>Discard the draft from {name}?</source>
        <translation>{name} から作成した下書きを破棄しますか?</translation>
    </message>
</context>
<context>
    <name>DropHandler</name>
    <message>
        <source>New from text</source>
        <translation>テキストから新規作成</translation>
    </message>
    <message>
        <source>{name} cannot be read: {message}</source>
        <translation>{name} を読み取れません: {message}</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>This archive is open read-only: changes cannot be saved.</source>
        <translation>このアーカイブは読み取り専用で開かれています。変更は保存できません。</translation>
    </message>
    <message>
        <source>&amp;New Readout…</source>
        <translation>会談記録を新規作成(&amp;N)…</translation>
    </message>
    <message>
        <source>Enter a readout by hand (Ctrl+N)</source>
        <translation>会談記録を手入力します (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit Readout…</source>
        <translation>会談記録を編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Correct the selected readout (Enter, double-click or Ctrl+E)</source>
        <translation>選択した会談記録を修正します (Enter、ダブルクリック、Ctrl+E)</translation>
    </message>
    <message>
        <source>Readout &amp;History…</source>
        <translation>会談記録の履歴(&amp;H)…</translation>
    </message>
    <message>
        <source>Earlier versions of the selected readout</source>
        <translation>選択した会談記録の以前のバージョン</translation>
    </message>
    <message>
        <source>Not saved: the server cannot be reached.</source>
        <translation>保存されていません: サーバーに接続できません。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>Your changes are still in the form. Retry when the server is back.</source>
        <translation>変更内容はフォームに残っています。サーバーが復旧したらもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>EditorQuestions</name>
    <message>
        <source>Please confirm before saving:

{warnings}

The printed time is kept as printed.</source>
        <translation>保存する前に確認してください:

{warnings}

併記時刻は記載どおりに保存します。</translation>
    </message>
    <message>
        <source>Save readout</source>
        <translation>会談記録の保存</translation>
    </message>
    <message>
        <source>Save as printed</source>
        <translation>記載どおりに保存</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>表題なし</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>重複の可能性</translation>
    </message>
    <message>
        <source>The archive already has a readout of the same day with the same people:

{name} ({day})

Save this one as well?</source>
        <translation>アーカイブには、同じ日に同じ人物が参加した会談記録が既にあります:

{name}（{day}）

この会談記録も保存しますか?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>このまま保存</translation>
    </message>
    <message>
        <source>Open the other</source>
        <translation>既存の記録を開く</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>This readout has changes that are not saved.</source>
        <translation>この会談記録には保存されていない変更があります。</translation>
    </message>
    <message>
        <source>Save them before closing?</source>
        <translation>閉じる前に保存しますか?</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>The archive is empty</source>
        <translation>アーカイブは空です</translation>
    </message>
    <message>
        <source>Your archive is empty</source>
        <translation>アーカイブは空です</translation>
    </message>
    <message>
        <source>Readout Desk keeps the readouts of diplomatic meetings: who met whom, when (in local time and yours), what was said. Search them as you type, narrow them by country, year, topic or person, and read each one as published.

Start with the demo archive — the Japan-Peru Foreign Ministers&apos; Meeting in Lima and a set of sample readouts — or enter a readout of your own.</source>
        <translation>Readout Desk は外交会談の記録を保存します。誰が誰と、いつ（現地時間と自分の時間で）会い、何を話したか。入力と同時に検索し、国・年・トピック・人物で絞り込み、公表されたとおりの形で読めます。

まずはデモアーカイブ（リマでの日・ペルー外相会談とサンプルの会談記録）を読み込むか、会談記録を自分で入力してください。</translation>
    </message>
    <message>
        <source>Load the demo archive</source>
        <translation>デモアーカイブを読み込む</translation>
    </message>
    <message>
        <source>Add the Lima readout and sample readouts to this archive</source>
        <translation>リマでの会談記録とサンプルの会談記録をこのアーカイブに追加します</translation>
    </message>
    <message>
        <source>Add a first readout…</source>
        <translation>最初の会談記録を追加…</translation>
    </message>
    <message>
        <source>Add a first readout</source>
        <translation>最初の会談記録を追加</translation>
    </message>
    <message>
        <source>Enter a readout by hand (Ctrl+N)</source>
        <translation>会談記録を手入力します (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Readouts</source>
        <translation>会談記録のエクスポート</translation>
    </message>
    <message>
        <source>The whole &amp;archive</source>
        <translation>アーカイブ全体(&amp;A)</translation>
    </message>
    <message>
        <source>The current &amp;search ({query})</source>
        <translation>現在の検索(&amp;S)（{query}）</translation>
    </message>
    <message>
        <source>The current &amp;search (everything)</source>
        <translation>現在の検索(&amp;S)（すべて）</translation>
    </message>
    <message>
        <source>The selec&amp;ted readouts ({count})</source>
        <translation>選択した会談記録(&amp;T)（{count}）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>書き出すファイル</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>エクスポート対象:</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>書き出すファイルを選んでください。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>エクスポート中…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n readouts to {path}.</source>
        <translation>
            <numerusform>会談記録 %n 件を {path} にエクスポートしました。</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>エクスポートを中止しました。ファイルは書き出していません。</translation>
    </message>
    <message>
        <source>The export failed: {exc}</source>
        <translation>エクスポートに失敗しました: {exc}</translation>
    </message>
</context>
<context>
    <name>ExtractedPane</name>
    <message>
        <source>Read from the pasted text: check each field against the highlighted source. Nothing is saved until you save.</source>
        <translation>貼り付けたテキストから読み取りました。各項目を強調表示された原文と照らし合わせてください。保存するまで何も保存されません。</translation>
    </message>
    <message>
        <source>Printed times that disagree with the time-zone rules</source>
        <extracomment>Files that may be dropped onto the window.</extracomment>
        <translation>タイムゾーンの規則と合わない併記時刻</translation>
    </message>
    <message>
        <source>Session {number} ({kind}): {message}.</source>
        <translation>会合 {number}（{kind}）: {message}。</translation>
    </message>
    <message>
        <source>Fields read from the text</source>
        <translation>本文から読み取った項目</translation>
    </message>
    <message>
        <source>Read from the file {name}: check each field against the highlighted source. Nothing is saved until you save.</source>
        <translation>ファイル {name} から読み取りました。各項目を強調表示された原文と照らし合わせてください。保存するまで何も保存されません。</translation>
    </message>
    <message>
        <source>Read from the web page {url}: check each field against the highlighted source. Nothing is saved until you save.</source>
        <translation>Web ページ {url} から読み取りました。各項目を強調表示された原文と照らし合わせてください。保存するまで何も保存されません。</translation>
    </message>
    <message>
        <source>This printed time disagrees with the time-zone rules: {reason}</source>
        <translation>この併記時刻はタイムゾーンの規則と合いません: {reason}</translation>
    </message>
</context>
<context>
    <name>Extraction</name>
    <message>
        <source>Reading the text…</source>
        <translation>テキストを読み取り中…</translation>
    </message>
    <message>
        <source>New from text</source>
        <translation>テキストから新規作成</translation>
    </message>
</context>
<context>
    <name>FacetsModel</name>
    <message>
        <source>Saved searches</source>
        <translation>保存した検索</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Searches you saved (Edit ▸ Save search…); click one to run it</source>
        <translation>保存した検索（[編集] ▸ [検索を保存…]）。クリックすると実行します</translation>
    </message>
    <message>
        <source>Countries the readouts involve; click one to narrow the results</source>
        <translation>会談記録の関係国。クリックすると結果を絞り込みます</translation>
    </message>
    <message>
        <source>Years of the meetings; click one to narrow the results</source>
        <translation>会談の年。クリックすると結果を絞り込みます</translation>
    </message>
    <message>
        <source>Topics; click one to narrow the results</source>
        <translation>トピック。クリックすると結果を絞り込みます</translation>
    </message>
    <message>
        <source>People taking part; click one to narrow the results</source>
        <translation>参加者。クリックすると結果を絞り込みます</translation>
    </message>
    <message>
        <source>How the meetings were held; click one to narrow the results</source>
        <translation>会談の形式。クリックすると結果を絞り込みます</translation>
    </message>
    <message>
        <source>Year {value}</source>
        <extracomment>What a chip says, so &quot;2023&quot; reads as a year and &quot;Peru&quot; as a country.</extracomment>
        <translation>{value}年</translation>
    </message>
    <message>
        <source>Topic: {value}</source>
        <translation>トピック: {value}</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <source>Counted for the results before; the counts of the results shown are on their way</source>
        <translation>前の結果の件数です。表示中の結果の件数を数えています</translation>
    </message>
    <message numerus="yes">
        <source>{count} readout; click to add the filter {token}</source>
        <translation>
            <numerusform>会談記録 {count} 件。クリックすると絞り込み条件 {token} を追加します</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} readouts; click to add the filter {token}</source>
        <translation>
            <numerusform>会談記録 {count} 件。クリックすると絞り込み条件 {token} を追加します</numerusform>
        </translation>
    </message>
    <message>
        <source>At least {count} readouts (counted among the newest {sample} hits of very many); click to add the filter {token}</source>
        <translation>会談記録 {count} 件以上（該当が非常に多いため、新しい {sample} 件の中で数えています）。クリックすると絞り込み条件 {token} を追加します</translation>
    </message>
    <message numerus="yes">
        <source>{label}, {count} readout</source>
        <translation>
            <numerusform>{label}、会談記録 {count} 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{label}, {count} readouts</source>
        <translation>
            <numerusform>{label}、会談記録 {count} 件</numerusform>
        </translation>
    </message>
    <message>
        <source>None yet: Edit ▸ Save Search…</source>
        <translation>まだありません: [編集] ▸ [検索を保存…]</translation>
    </message>
    <message>
        <source>Name the current search (Ctrl+Shift+S) to find it here again</source>
        <translation>現在の検索に名前を付けると (Ctrl+Shift+S)、ここからまた実行できます</translation>
    </message>
    <message>
        <source>Run the saved search: {query}</source>
        <translation>保存した検索を実行: {query}</translation>
    </message>
</context>
<context>
    <name>FacetsView</name>
    <message>
        <source>Filters</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <source>Saved searches and counts for the current results; click a value to narrow the results</source>
        <translation>保存した検索と、現在の結果の件数。値をクリックすると結果を絞り込みます</translation>
    </message>
    <message>
        <source>Delete saved search “{name}”</source>
        <translation>保存した検索「{name}」を削除</translation>
    </message>
    <message>
        <source>Forget this saved search (the readouts are not touched)</source>
        <translation>この保存した検索を削除します（会談記録はそのままです）</translation>
    </message>
</context>
<context>
    <name>FieldLabel</name>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公表日</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会談日</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>機会</translation>
    </message>
    <message>
        <source>{item} office</source>
        <translation>{item} の役職</translation>
    </message>
    <message>
        <source>{item} start</source>
        <translation>{item} の開始時刻</translation>
    </message>
    <message>
        <source>{item} duration</source>
        <translation>{item} の所要時間</translation>
    </message>
    <message>
        <source>{item} printed time</source>
        <translation>{item} の併記時刻</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Participant {number}</source>
        <translation>参加者 {number}</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>Session {number}</source>
        <translation>会合 {number}</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>Point {number}</source>
        <translation>要点 {number}</translation>
    </message>
    <message>
        <source>Photo caption</source>
        <translation>写真の説明</translation>
    </message>
    <message>
        <source>Photo caption {number}</source>
        <translation>写真の説明 {number}</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>Topic {number}</source>
        <translation>トピック {number}</translation>
    </message>
</context>
<context>
    <name>FileOpen</name>
    <message>
        <source>Nothing imported from {name}: it holds no readouts.</source>
        <translation>{name} からは何もインポートしていません: 会談記録が含まれていません。</translation>
    </message>
    <message>
        <source>Nothing imported from {name}: {exc}</source>
        <translation>{name} からは何もインポートしていません: {exc}</translation>
    </message>
    <message>
        <source>Imported %n readout from {name}.</source>
        <translation>{name} から会談記録 %n 件をインポートしました。</translation>
    </message>
    <message>
        <source>Imported %n readouts from {name}.</source>
        <translation>{name} から会談記録 %n 件をインポートしました。</translation>
    </message>
</context>
<context>
    <name>FileOpener</name>
    <message>
        <source>There is no file {path}.</source>
        <extracomment>The summary lines after an import finished (or failed), for listeners and tests.</extracomment>
        <translation>ファイル {path} はありません。</translation>
    </message>
    <message>
        <source>{name} is an archive. To work in it, start Readout Desk with: readout-desk --db &quot;{path}&quot;</source>
        <translation>{name} はアーカイブです。これを使うには、次のように Readout Desk を起動してください: readout-desk --db &quot;{path}&quot;</translation>
    </message>
    <message>
        <source>The archive {where} is open read-only, so no readout can be added from {name}.</source>
        <translation>アーカイブ {where} は読み取り専用で開かれているため、{name} から会談記録を追加できません。</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>開けません</translation>
    </message>
    <message>
        <source>{name} is {size} MB: a readout&apos;s text is a few pages, so it is not read.</source>
        <translation>{name} は {size} MB あります。会談記録の本文は数ページ程度のため、このファイルは読み込みません。</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>{name} を読み込めません：{reason}。</translation>
    </message>
    <message>
        <source>{name} is not a Readout Desk export (.json). {reason}</source>
        <translation>{name} は Readout Desk のエクスポート（.json）ではありません。{reason}</translation>
    </message>
    <message>
        <source>{name} is empty: there is no readout in it.</source>
        <translation>{name} は空です。会談記録が含まれていません。</translation>
    </message>
    <message>
        <source>{name} cannot be read as a readout: {reason}</source>
        <translation>{name} を会談記録として読み取れません：{reason}</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>インポートできません</translation>
    </message>
    <message>
        <source>The archive {where} is open read-only, so the readouts in
{names}
cannot be added to it.</source>
        <translation>アーカイブ {where} は読み取り専用で開かれているため、
{names}
の会談記録を追加できません。</translation>
    </message>
    <message>
        <source>Import readouts</source>
        <translation>会談記録のインポート</translation>
    </message>
    <message>
        <source>Import the readouts in
{names}
into the archive {where}?

Readouts already in the archive are skipped.</source>
        <translation>
{names}
の会談記録をアーカイブ {where} にインポートしますか?

アーカイブに既にある会談記録はスキップします。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n 個のファイルをインポート中…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>インポート完了</translation>
    </message>
    <message>
        <source>Nothing was imported: {exc}</source>
        <translation>何もインポートしていません: {exc}</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>インポート失敗</translation>
    </message>
</context>
<context>
    <name>FilterChip</name>
    <message>
        <source>{label}  ✕</source>
        <extracomment>Keys the field passes to the results: moving through them, and Enter to open one. Ctrl+letter keys the field keeps for editing; every other Ctrl+letter is the window&apos;s (Ctrl+E edits the readout, Ctrl+N opens a new one), not a line-editing command.</extracomment>
        <translation>{label}  ✕</translation>
    </message>
    <message>
        <source>Filter {token}: click to remove it</source>
        <translation>絞り込み条件 {token}: クリックで解除します</translation>
    </message>
    <message>
        <source>Remove filter {label}</source>
        <translation>絞り込み条件 {label} を解除</translation>
    </message>
</context>
<context>
    <name>FormEdit</name>
    <message>
        <source>Edit {field}</source>
        <translation>「{field}」の編集</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Search Syntax</source>
        <translation>検索の書き方</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>検索の書き方(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>ドキュメント(&amp;D)</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>time not recorded</source>
        <translation>時刻の記録なし</translation>
    </message>
    <message>
        <source>Readout history</source>
        <translation>会談記録の履歴</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>保存されたバージョン</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>Compare with the current version</source>
        <translation>現在のバージョンと比較</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>このバージョンを復元(&amp;R)</translation>
    </message>
    <message>
        <source>Make the selected version current again; the current version stays in the history</source>
        <translation>選択したバージョンを再び現在のバージョンにします。現在のバージョンは履歴に残ります</translation>
    </message>
    <message>
        <source>Current (version {version}) — {saved}</source>
        <translation>現在（バージョン {version}）— {saved}</translation>
    </message>
    <message>
        <source>Version {version} — {saved}</source>
        <translation>バージョン {version} — {saved}</translation>
    </message>
    <message>
        <source>What the last save changed:</source>
        <translation>前回の保存での変更点:</translation>
    </message>
    <message>
        <source>This readout has been saved once; there is no earlier version.</source>
        <translation>この会談記録は一度しか保存されていないため、以前のバージョンはありません。</translation>
    </message>
    <message>
        <source>How version {version} differs from the current version:</source>
        <translation>バージョン {version} と現在のバージョンの違い:</translation>
    </message>
    <message>
        <source>What the save after version {version} changed:</source>
        <translation>バージョン {version} の次の保存での変更点:</translation>
    </message>
    <message>
        <source>Restore version</source>
        <translation>バージョンの復元</translation>
    </message>
    <message>
        <source>Make version {version} the current version? The current version is kept in the history.</source>
        <translation>バージョン {version} を現在のバージョンにしますか? 現在のバージョンは履歴に残ります。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
</context>
<context>
    <name>HomeZoneDialog</name>
    <message>
        <source>Your home time zone</source>
        <translation>自分のタイムゾーン</translation>
    </message>
    <message>
        <source>Readout Desk shows each meeting&apos;s time where it was held and also in your home time zone. Which zone is yours?</source>
        <translation>Readout Desk は会談の時刻を、開催地の時刻と自分のタイムゾーンの時刻で表示します。自分のタイムゾーンはどれですか?</translation>
    </message>
    <message>
        <source>Home time zone</source>
        <translation>自分のタイムゾーン</translation>
    </message>
    <message>
        <source>&amp;Zone (this computer&apos;s is suggested; type to find another):</source>
        <translation>タイムゾーン（このコンピューターの設定を提案しています。入力して他を検索できます）(&amp;Z):</translation>
    </message>
    <message>
        <source>&amp;Use This Zone</source>
        <translation>このタイムゾーンを使う(&amp;U)</translation>
    </message>
    <message>
        <source>Use &amp;Japan Time ({offset})</source>
        <translation>日本時間を使う(&amp;J) ({offset})</translation>
    </message>
    <message>
        <source>Ask &amp;Later</source>
        <translation>後で決める(&amp;L)</translation>
    </message>
    <message>
        <source>{zone} is not a time zone such as Asia/Tokyo.</source>
        <translation>{zone} は Asia/Tokyo のようなタイムゾーンではありません。</translation>
    </message>
    <message>
        <source>Nothing is not a time zone such as Asia/Tokyo.</source>
        <translation>タイムゾーンが入力されていません（例: Asia/Tokyo）。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Readouts</source>
        <translation>会談記録のインポート</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>インポートするファイル</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>ファイルを追加(&amp;F)…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>フォルダーを追加(&amp;O)…</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>インポート結果</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>Readout Desk imports its JSON exports, CSV files, and .txt or .html readouts (which become drafts to review). Each file is imported completely or not at all; readouts the archive already holds (the same record, every field alike) are skipped.</source>
        <translation>Readout Desk は、自身の JSON エクスポート、CSV ファイル、.txt または .html の会談記録（確認用の下書きになります）をインポートします。各ファイルはすべてインポートされるか、まったくインポートされないかのどちらかです。アーカイブに既にある会談記録（すべての項目が同じもの）はスキップします。</translation>
    </message>
    <message>
        <source>Import readouts</source>
        <translation>会談記録のインポート</translation>
    </message>
    <message>
        <source>Readouts (*.json *.csv *.tsv *.txt *.html *.htm);;All files (*)</source>
        <translation>会談記録 (*.json *.csv *.tsv *.txt *.html *.htm);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Import a folder of readouts</source>
        <translation>会談記録のフォルダーをインポート</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file…</source>
        <translation>
            <numerusform>%n 個のファイルをインポート中…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n files…</source>
        <translation>
            <numerusform>%n 個のファイルをインポート中…</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped {duplicate}</source>
        <translation>スキップ: {duplicate}</translation>
    </message>
    <message>
        <source>The import stopped: {exc}</source>
        <translation>インポートを中断しました: {exc}</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>完了しました。</translation>
    </message>
</context>
<context>
    <name>IndexProgress</name>
    <message>
        <source>Updating the archive&apos;s format…</source>
        <translation>アーカイブの形式を更新中…</translation>
    </message>
    <message>
        <source>Keeping a copy of the archive as it is before its format is updated: {percent}%…</source>
        <translation>形式の更新前のアーカイブのコピーを保存中: {percent}%…</translation>
    </message>
    <message>
        <source>Readout Desk</source>
        <translation>Readout Desk</translation>
    </message>
    <message>
        <source>Updating the archive&apos;s search index: {done} of {total} readouts…</source>
        <translation>アーカイブの検索索引を更新中: 会談記録 {total} 件中 {done} 件…</translation>
    </message>
</context>
<context>
    <name>IssueLabel</name>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System ({language})</source>
        <extracomment>The environment variable that overrides the language (tests, screenshots). The choices kept in the settings: follow the system, or one language. Languages the interface is translated into (English is the source). The language the installed translators give (English when none is installed). Where the program&apos;s translations are installed.</extracomment>
        <translation>システム（{language}）</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>Interface language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>The language of menus, dialogs and messages</source>
        <translation>メニュー、ダイアログ、メッセージの言語</translation>
    </message>
    <message>
        <source>Lan&amp;guage of the interface:</source>
        <translation>表示言語(&amp;G):</translation>
    </message>
    <message>
        <source>Readout Desk shows this language from its next start.</source>
        <translation>この言語は Readout Desk の次回起動時から表示されます。</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <source>Licences</source>
        <extracomment>The bundle&apos;s file of licences (packaging/notices.py writes it beside the programs).</extracomment>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Licences of Readout Desk and its components</source>
        <translation>Readout Desk とそのコンポーネントのライセンス</translation>
    </message>
    <message>
        <source>Licence texts</source>
        <translation>ライセンス条文</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>Modules that add features to the window; each has ``install(window) -&gt; None``. The menus in the order they appear in the menu bar (the names feature modules ask for). Each menu&apos;s title, with its mnemonic; translated where the menu is made.</extracomment>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Readout</source>
        <translation>会談記録(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Readout Desk — {location}</source>
        <translation>Readout Desk — {location}</translation>
    </message>
    <message>
        <source>Readout Desk</source>
        <extracomment>How long the current row rests before the reading pane reads its readout. How long typing must have paused before the reading pane follows the results of what was typed (a row a person moves to is followed after :data:`DETAIL_DELAY_MS`). How long a search runs before the status bar says it is searching: a quicker answer replaces the count without the notice flashing in between. Pages of the central stack.</extracomment>
        <translation>Readout Desk</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Search and common actions</source>
        <translation>検索とよく使う操作</translation>
    </message>
    <message>
        <source>Number of hits</source>
        <translation>該当件数</translation>
    </message>
    <message>
        <source>How many readouts were found and how long the search took</source>
        <translation>見つかった会談記録の件数と検索にかかった時間</translation>
    </message>
    <message>
        <source>Saved the search “{name}”.</source>
        <translation>検索「{name}」を保存しました。</translation>
    </message>
    <message>
        <source>A feature ({module}) could not be loaded: {exc}</source>
        <translation>機能 ({module}) を読み込めませんでした: {exc}</translation>
    </message>
    <message>
        <source>This archive is open read-only: you can search and read, but changes cannot be saved.</source>
        <translation>このアーカイブは読み取り専用で開かれています。検索と閲覧はできますが、変更は保存できません。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>Load De&amp;mo Readouts</source>
        <translation>デモの会談記録を読み込む(&amp;M)</translation>
    </message>
    <message>
        <source>Add the Lima readout and the sample readouts to this archive</source>
        <translation>リマでの会談記録とサンプルの会談記録をこのアーカイブに追加します</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Close Readout Desk</source>
        <translation>Readout Desk を終了します</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <source>Put the cursor in the search field (Ctrl+F, Ctrl+K)</source>
        <translation>検索欄にカーソルを移します (Ctrl+F、Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Clear Search</source>
        <translation>検索をクリア(&amp;C)</translation>
    </message>
    <message>
        <source>Clear the search and its filters (Esc)</source>
        <translation>検索語と絞り込み条件をクリアします (Esc)</translation>
    </message>
    <message>
        <source>&amp;Save Search…</source>
        <translation>検索を保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Name the current search to find it again in the sidebar</source>
        <translation>現在の検索に名前を付け、サイドバーからまた実行できるようにします</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <source>Home time zone, date format, font size and language</source>
        <translation>自分のタイムゾーン、日付の形式、文字サイズ、表示言語</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>Sort &amp;by Relevance</source>
        <translation>関連度順に並べ替え(&amp;B)</translation>
    </message>
    <message>
        <source>Best matches first (newest first when nothing is typed)</source>
        <translation>一致度の高い順（検索語がなければ新しい順）</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>サイドバーを表示(&amp;S)</translation>
    </message>
    <message>
        <source>Show or hide the filters sidebar</source>
        <translation>絞り込みサイドバーの表示・非表示を切り替えます</translation>
    </message>
    <message>
        <source>&amp;Relations…</source>
        <translation>関係(&amp;R)…</translation>
    </message>
    <message>
        <source>A country pair&apos;s readouts in date order, or a person&apos;s readouts and offices</source>
        <translation>2か国間の会談記録を日付順に、または人物の会談記録と役職を表示します</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>レイアウトをリセット(&amp;L)</translation>
    </message>
    <message>
        <source>Show every column and put the panes back where they started</source>
        <translation>すべての列を表示し、ペインを最初の配置に戻します</translation>
    </message>
    <message>
        <source>No readout matches this search.</source>
        <translation>この検索に一致する会談記録はありません。</translation>
    </message>
    <message>
        <source>The archive is empty.</source>
        <translation>アーカイブは空です。</translation>
    </message>
    <message>
        <source>Type a search first, then save it.</source>
        <translation>検索語を入力してから保存してください。</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>検索の保存</translation>
    </message>
    <message>
        <source>Name of this search:</source>
        <translation>この検索の名前:</translation>
    </message>
    <message>
        <source>Loading the demo readouts…</source>
        <translation>デモの会談記録を読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>Added %n demo readout.</source>
        <translation>
            <numerusform>デモの会談記録を %n 件追加しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n demo readouts.</source>
        <translation>
            <numerusform>デモの会談記録を %n 件追加しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Entering readouts is not available in this window.</source>
        <translation>このウィンドウでは会談記録を入力できません。</translation>
    </message>
    <message>
        <source>Times are also shown in {zone}.</source>
        <translation>時刻を {zone} でも表示します。</translation>
    </message>
    <message>
        <source>Something went wrong: {problem}</source>
        <translation>問題が発生しました: {problem}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{value!r} is not a time; write it like 9:10, 21:40 or 9:10 p.m.</source>
        <translation>{value!r} は時刻ではありません。9:10、21:40、9:10 p.m. のように入力してください。</translation>
    </message>
    <message>
        <source>{value!r} is not a time of the day.</source>
        <translation>{value!r} は一日のうちの時刻ではありません。</translation>
    </message>
    <message>
        <source>{value!r}: with a.m. or p.m. the hour is at most 12.</source>
        <translation>{value!r}: a.m. / p.m. を付けるときは、時は12までです。</translation>
    </message>
    <message>
        <source>Session {number}: {problem}</source>
        <translation>会合 {number}: {problem}</translation>
    </message>
    <message>
        <source>A readout needs a title (or at least a section such as &quot;Japan-Peru Relations&quot;).</source>
        <translation>会談記録には表題（少なくとも「日・ペルー関係」のような分類）が必要です。</translation>
    </message>
    <message>
        <source>A readout needs the date of the meeting or the date it was published.</source>
        <translation>会談記録には会談の日付か発表日が必要です。</translation>
    </message>
    <message>
        <source>{text!r} is not a country name or code known to ISO 3166.</source>
        <translation>{text!r} は ISO 3166 にある国名・国コードではありません。</translation>
    </message>
    <message>
        <source>{zone!r} is not a known IANA time zone; choose one from the list.</source>
        <translation>{zone!r} は IANA のタイムゾーンにありません。一覧から選んでください。</translation>
    </message>
    <message>
        <source>Participant {number} needs a family name.</source>
        <translation>参加者 {number} には姓が必要です。</translation>
    </message>
    <message>
        <source>Participant {number}: {problem}</source>
        <translation>参加者 {number}: {problem}</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Summary point {number} is empty; write it or remove it.</source>
        <translation>要点 {number} が空です。書き込むか削除してください。</translation>
    </message>
    <message>
        <source>Photo {number} has neither an image nor a caption.</source>
        <translation>写真 {number} には画像も説明文もありません。</translation>
    </message>
    <message>
        <source>the printed time disagrees with the time-zone rules: {check}.</source>
        <translation>併記時刻がタイムゾーンの規則と合いません: {check}。</translation>
    </message>
    <message>
        <source>a start time needs the time zone it was stated in.</source>
        <translation>開始時刻には、その時刻のタイムゾーンが必要です。</translation>
    </message>
    <message>
        <source>say which time zone the printed time is in.</source>
        <translation>併記時刻のタイムゾーンを指定してください。</translation>
    </message>
    <message>
        <source>a start time needs a date; enter the meeting date or the session&apos;s own.</source>
        <translation>開始時刻には日付が必要です。会談の日付か、この会合の日付を入力してください。</translation>
    </message>
    <message>
        <source>{zone!r} is not a known IANA time zone.</source>
        <translation>{zone!r} は IANA のタイムゾーンにありません。</translation>
    </message>
    <message>
        <source>no clock time found in the printed time; write it as printed, like &quot;11:10 p.m. on May 3 JST&quot;.</source>
        <translation>併記時刻に時刻が見つかりません。「11:10 p.m. on May 3 JST」のように、記載のとおり入力してください。</translation>
    </message>
    <message>
        <source>{value!r} is not a date; write it like 2023-05-03, May 3, 2023 or 2023年5月3日.</source>
        <translation>{value!r} は日付ではありません。2023-05-03、May 3, 2023、2023年5月3日 のように入力してください。</translation>
    </message>
    <message>
        <source>{written}: an era&apos;s years begin at 1 (元年).</source>
        <translation>{written}: 元号の年は1（元年）から始まります。</translation>
    </message>
    <message>
        <source>{written} is before {latin} ({era}) began on {first}.</source>
        <translation>{written} は {era}（{latin}）が始まった {first} より前です。</translation>
    </message>
    <message>
        <source>{written} is after {latin} ({era}) ended on {last}; from {first} the era is {next_latin} ({next_era}): {day} is {next_written}.</source>
        <translation>{written} は {era}（{latin}）が終わった {last} より後です。{first} からの元号は {next_era}（{next_latin}）で、{day} は {next_written} です。</translation>
    </message>
    <message>
        <source>{what} must be a whole number, not {value!r}.</source>
        <translation>{what}は整数で入力してください（{value!r} ではなく）。</translation>
    </message>
    <message>
        <source>{written} is not a date of the calendar.</source>
        <translation>{written} は暦にない日付です。</translation>
    </message>
    <message>
        <source>{value!r} is not a date of the calendar.</source>
        <translation>{value!r} は暦にない日付です。</translation>
    </message>
    <message>
        <source>printed {printed} on {printed_day} {abbr}; the time-zone rules give {computed} on {computed_day} {abbr}</source>
        <translation>記載は {printed_day} {printed} {abbr}、タイムゾーンの規則では {computed_day} {computed} {abbr}</translation>
    </message>
    <message>
        <source>{zone!r} is not a known IANA time zone (for example America/Lima)</source>
        <translation>{zone!r} は IANA のタイムゾーンにありません（例: America/Lima）</translation>
    </message>
    <message>
        <source>{clock} on {day} does not exist in {zone}: the clocks went forward from {start} to {after}; the nearest valid times are {before} and {last}</source>
        <translation>{zone} では {day} {clock} は存在しません。時計が {start} から {after} に進められました。最も近い有効な時刻は {before} と {last} です。</translation>
    </message>
    <message>
        <source>{clock} on {day} occurs twice in {zone}: first at {earlier}, then at {later}. Choose which one is meant.</source>
        <translation>{zone} では {day} {clock} が2回あります。1回目は {earlier}、2回目は {later} です。どちらか選んでください。</translation>
    </message>
    <message>
        <source>a start time needs the time zone it was stated in</source>
        <translation>開始時刻には、その時刻のタイムゾーンが必要です</translation>
    </message>
    <message>
        <source>the session ends before it starts</source>
        <translation>会合の終了が開始より前です</translation>
    </message>
    <message>
        <source>a duration must be more than zero minutes</source>
        <translation>所要時間は0分より長くしてください</translation>
    </message>
    <message>
        <source>a duration of {duration} is longer than a day; enter each day&apos;s session separately</source>
        <translation>所要時間 {duration} は1日より長いです。日ごとの会合を分けて入力してください</translation>
    </message>
    <message>
        <source>printed time: {problem}</source>
        <translation>併記時刻: {problem}</translation>
    </message>
    <message>
        <source>Imported {n} readout from {done} of {files} file.</source>
        <translation>{files} 個のファイルのうち {done} 個から会談記録を {n} 件インポートしました。</translation>
    </message>
    <message>
        <source>Imported {n} readout from {done} of {files} files.</source>
        <translation>{files} 個のファイルのうち {done} 個から会談記録を {n} 件インポートしました。</translation>
    </message>
    <message>
        <source>Imported {n} readouts from {done} of {files} file.</source>
        <translation>{files} 個のファイルのうち {done} 個から会談記録を {n} 件インポートしました。</translation>
    </message>
    <message>
        <source>Imported {n} readouts from {done} of {files} files.</source>
        <translation>{files} 個のファイルのうち {done} 個から会談記録を {n} 件インポートしました。</translation>
    </message>
    <message>
        <source>Skipped {n} already in the archive (the same record, every field alike).</source>
        <translation>アーカイブに既にある {n} 件（すべての項目が同じ記録）はスキップしました。</translation>
    </message>
    <message>
        <source>{n} draft extracted from text files wait for review (File &gt; Review Drafts).</source>
        <translation>テキストファイルから読み取った下書き {n} 件が確認を待っています（[ファイル] &gt; [下書きを確認]）。</translation>
    </message>
    <message>
        <source>{n} drafts extracted from text files wait for review (File &gt; Review Drafts).</source>
        <translation>テキストファイルから読み取った下書き {n} 件が確認を待っています（[ファイル] &gt; [下書きを確認]）。</translation>
    </message>
    <message>
        <source>Nothing imported from {name}: {error}</source>
        <translation>{name} からは何もインポートしていません: {error}</translation>
    </message>
    <message>
        <source>Cancelled: every file listed above was finished completely; {left} file was not imported (nothing of the one in progress was kept).</source>
        <translation>キャンセルしました。上に挙げたファイルはすべて最後までインポート済みです。{left} 個のファイルはインポートしていません（処理中だったファイルの内容は何も残していません）。</translation>
    </message>
    <message>
        <source>Cancelled: every file listed above was finished completely; {left} files were not imported (nothing of the one in progress was kept).</source>
        <translation>キャンセルしました。上に挙げたファイルはすべて最後までインポート済みです。{left} 個のファイルはインポートしていません（処理中だったファイルの内容は何も残していません）。</translation>
    </message>
    <message>
        <source>Readout {id} was saved elsewhere while it was being edited (version {read} was read, the archive now holds version {current}), so this change was not saved over it.</source>
        <translation>会談記録 {id} は編集中に他の場所で保存されました（読み込んだのはバージョン {read}、アーカイブには現在バージョン {current} があります）。このため、この変更は上書き保存しませんでした。</translation>
    </message>
    <message>
        <source>The backup {database} was written by a newer version of Readout Desk (schema {revision}); update the program to read or restore it. Nothing was changed.</source>
        <translation>バックアップ {database} は新しいバージョンの Readout Desk（スキーマ {revision}）で作成されています。読み込みや復元にはプログラムを更新してください。何も変更していません。</translation>
    </message>
    <message>
        <source>An archive kept only in memory cannot be restored from a file.</source>
        <translation>メモリー上にしかないアーカイブは、ファイルから復元できません。</translation>
    </message>
    <message>
        <source>An archive kept only in memory cannot be backed up.</source>
        <translation>メモリー上にしかないアーカイブはバックアップできません。</translation>
    </message>
    <message>
        <source>The backup copy failed its integrity check, so it was not kept ({problem}); check the archive with Tools &gt; Check archive.</source>
        <translation>バックアップのコピーが整合性検査に通らなかったため、保存しませんでした（{problem}）。[ツール] &gt; [アーカイブを検査] でアーカイブを確認してください。</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full, so no backup was made.</source>
        <translation>{folder} のあるディスクがいっぱいのため、バックアップを作成できませんでした。</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {problem}.</source>
        <translation>バックアップを {folder} に書き込めませんでした: {problem}。</translation>
    </message>
    <message>
        <source>{path} is not a Readout Desk backup (it has no {database}).</source>
        <translation>{path} は Readout Desk のバックアップではありません（{database} がありません）。</translation>
    </message>
    <message>
        <source>{path} cannot be read as an archive: {problem}</source>
        <translation>{path} をアーカイブとして読み込めません: {problem}</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>{path} にバックアップはありません。</translation>
    </message>
    <message>
        <source>The archive {location} is open read-only, so it cannot be restored.</source>
        <translation>アーカイブ {location} は読み取り専用で開かれているため、復元できません。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({problem}); choose another one.</source>
        <translation>バックアップ {path} は壊れています（{problem}）。別のバックアップを選んでください。</translation>
    </message>
    <message>
        <source>The backup could not be restored: {problem}; the archive is as it was (a copy is in {copy}).</source>
        <translation>バックアップを復元できませんでした: {problem}。アーカイブは元のままです（コピーは {copy} にあります）。</translation>
    </message>
    <message>
        <source>A text stored in the archive cannot be read ({problem}): the archive is damaged; restore it from a backup.</source>
        <translation>アーカイブに保存されたテキストを読み取れません（{problem}）。アーカイブが破損しています。バックアップから復元してください。</translation>
    </message>
    <message>
        <source>The archive {location} is busy: another program (perhaps another Readout Desk window) is writing to it and did not let go within {seconds} seconds. Nothing was changed; try again in a moment.</source>
        <translation>アーカイブ {location} は使用中です。別のプログラム（別の Readout Desk ウィンドウかもしれません）が書き込み中で、{seconds} 秒以内に解放されませんでした。何も変更していません。少し待ってからもう一度試してください。</translation>
    </message>
    <message>
        <source>The disk holding {location} is full, so the change was not saved; the archive is as it was. Free some space and try again.</source>
        <translation>{location} のあるディスクがいっぱいのため、変更は保存されませんでした。アーカイブは元のままです。空き容量を作ってからもう一度試してください。</translation>
    </message>
    <message>
        <source>The archive {location} is read-only, so the change was not saved.</source>
        <translation>アーカイブ {location} は読み取り専用のため、変更は保存されませんでした。</translation>
    </message>
    <message>
        <source>{location} is damaged or is not a Readout Desk archive ({problem}); open another file, or restore this one from a backup.</source>
        <translation>{location} は壊れているか、Readout Desk のアーカイブではありません（{problem}）。別のファイルを開くか、バックアップから復元してください。</translation>
    </message>
    <message>
        <source>The archive {location} cannot be opened: {problem}.</source>
        <translation>アーカイブ {location} を開けません: {problem}。</translation>
    </message>
    <message>
        <source>Reading the archive {location} was stopped before it finished.</source>
        <translation>アーカイブ {location} の読み込みは完了前に中止されました。</translation>
    </message>
    <message>
        <source>The archive {location} reported an error: {problem}.</source>
        <translation>アーカイブ {location} でエラーが発生しました: {problem}。</translation>
    </message>
    <message>
        <source>The archive {location} is open read-only, so nothing can be changed.</source>
        <translation>アーカイブ {location} は読み取り専用で開かれているため、何も変更できません。</translation>
    </message>
    <message>
        <source>Copied {n} photo file to {target}.</source>
        <translation>写真ファイル {n} 個を {target} にコピーしました。</translation>
    </message>
    <message>
        <source>Copied {n} photo files to {target}.</source>
        <translation>写真ファイル {n} 個を {target} にコピーしました。</translation>
    </message>
    <message>
        <source>{n} photo file(s) were missing from the archive folder.</source>
        <translation>写真ファイル {n} 個がアーカイブのフォルダーにありませんでした。</translation>
    </message>
    <message>
        <source>{n} photo file name(s) pointed outside the archive&apos;s photo folder and were not copied.</source>
        <translation>写真ファイル名 {n} 個がアーカイブの写真フォルダーの外を指していたため、コピーしませんでした。</translation>
    </message>
    <message>
        <source>{n} session without a start time and zone were left out of the calendar.</source>
        <translation>開始時刻とタイムゾーンのない会合 {n} 件はカレンダーに含めませんでした。</translation>
    </message>
    <message>
        <source>{n} sessions without a start time and zone were left out of the calendar.</source>
        <translation>開始時刻とタイムゾーンのない会合 {n} 件はカレンダーに含めませんでした。</translation>
    </message>
    <message>
        <source>The process reading the file stopped unexpectedly (exit code {code}); nothing of the file was imported.</source>
        <translation>ファイルを読み込むプロセスが予期せず終了しました（終了コード {code}）。このファイルからは何も取り込まれていません。</translation>
    </message>
    <message>
        <source>{name}: {done} readouts so far</source>
        <translation>{name}: これまでに {done} 件</translation>
    </message>
    <message>
        <source>{name}: {done} readouts so far ({read:.0%})</source>
        <translation>{name}: これまでに {done} 件（{read:.0%}）</translation>
    </message>
    <message>
        <source>{n} file(s) were not started.</source>
        <translation>{n} 個のファイルは処理していません。</translation>
    </message>
    <message>
        <source>The import stopped there: no further file can be saved.</source>
        <translation>インポートはここで止まりました。これ以上のファイルは保存できません。</translation>
    </message>
    <message>
        <source>The text prints no title; &quot;{title}&quot; is proposed from the section, the kind of meeting and the offices.</source>
        <translation>原文に表題がないため、分類、会談の種類、役職から「{title}」を提案しています。</translation>
    </message>
    <message>
        <source>The page&apos;s own date was not found; the meeting date comes from the text.</source>
        <translation>ページ自体の日付が見つからないため、会談日は本文から取っています。</translation>
    </message>
    <message>
        <source>No meeting date was found; enter it by hand.</source>
        <translation>会談日が見つかりません。手で入力してください。</translation>
    </message>
    <message>
        <source>Session {number} ({kind}): the printed time &quot;{unread}&quot; could not be read; check it by hand.</source>
        <translation>会合 {number}（{kind}）: 記載の時刻「{unread}」を読み取れませんでした。手で確認してください。</translation>
    </message>
    <message>
        <source>The text prints no title; &quot;{title}&quot; is proposed from the country and the kind of meeting.</source>
        <translation>原文に表題がないため、国と会談の種類から「{title}」を提案しています。</translation>
    </message>
    <message>
        <source>No date line (令和7年6月5日 or 2025年6月5日) was found.</source>
        <translation>日付の行（令和7年6月5日 や 2025年6月5日）が見つかりません。</translation>
    </message>
    <message>
        <source>Session {number} ({kind}): {clock} occurs twice in {zone} that day; choose which one is meant.</source>
        <translation>会合 {number}（{kind}）: その日の {zone} では {clock} が2回あります。どちらか選んでください。</translation>
    </message>
    <message>
        <source>Session {number} ({kind}): {problem}.</source>
        <translation>会合 {number}（{kind}）: {problem}。</translation>
    </message>
    <message>
        <source>The input is {size} MB; a readout is at most a few pages, so anything over {limit} MB is not read.</source>
        <translation>入力は {size} MB あります。会談記録は長くても数ページのため、{limit} MB を超えるものは読み込みません。</translation>
    </message>
    <message>
        <source>This is {what}, not the text of a readout; {advice}.</source>
        <translation>これは会談記録の本文ではなく {what} です。{advice}。</translation>
    </message>
    <message>
        <source>This is {what}, not the text of a readout.</source>
        <translation>これは会談記録の本文ではなく {what} です。</translation>
    </message>
    <message>
        <source>The text is {size} characters long; a readout is at most a few pages, so anything over {limit} characters is not read.</source>
        <translation>本文は {size} 文字あります。会談記録は長くても数ページのため、{limit} 文字を超えるものは読み込みません。</translation>
    </message>
    <message>
        <source>This is a binary file, not the text of a readout.</source>
        <translation>これは会談記録の本文ではなく、バイナリファイルです。</translation>
    </message>
    <message>
        <source>Only the first {count} characters were read; a readout is rarely longer, so the rest was left out.</source>
        <translation>最初の {count} 文字だけを読み取りました。会談記録がこれより長いことはまれなため、残りは省きました。</translation>
    </message>
    <message>
        <source>There is no text to read: the input is empty once the page&apos;s code and menus are removed.</source>
        <translation>読み取る本文がありません。ページのコードとメニューを除くと何も残りません。</translation>
    </message>
    <message>
        <source>There is no text to read: the input is empty.</source>
        <translation>読み取る本文がありません。入力が空です。</translation>
    </message>
    <message>
        <source>{clock} on {day}</source>
        <translation>{day}{clock}</translation>
    </message>
    <message>
        <source>{text}.</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>The photo file name {name!r} is not a plain name inside the archive&apos;s photo folder.</source>
        <translation>写真のファイル名 {name!r} は、アーカイブの写真フォルダー内の単純な名前ではありません。</translation>
    </message>
    <message>
        <source>The {where} holds a character that is not text (NUL or a lone surrogate).</source>
        <translation>{where} に文字ではないもの（NUL または単独のサロゲート）が含まれています。</translation>
    </message>
    <message>
        <source>A version or point level is too large to store.</source>
        <translation>バージョンまたは要点の階層が大きすぎて保存できません。</translation>
    </message>
    <message>
        <source>the time is too near the end of the calendar to be placed in time.</source>
        <translation>時刻が暦の端に近すぎて、時間軸上に置けません。</translation>
    </message>
    <message>
        <source>{code!r} in the relation is not an ISO 3166 country code.</source>
        <translation>関係国の {code!r} は ISO 3166 の国コードではありません。</translation>
    </message>
    <message>
        <source>The place&apos;s country {code!r} is not an ISO 3166 code.</source>
        <translation>場所の国 {code!r} は ISO 3166 のコードではありません。</translation>
    </message>
    <message>
        <source>The place&apos;s time zone {zone!r} is not a known IANA zone.</source>
        <translation>場所のタイムゾーン {zone!r} は IANA のタイムゾーンにありません。</translation>
    </message>
    <message>
        <source>Participant {number}&apos;s country {code!r} is not an ISO 3166 code.</source>
        <translation>参加者 {number} の国 {code!r} は ISO 3166 のコードではありません。</translation>
    </message>
    <message>
        <source>Session {number} ({kind}): {problem}</source>
        <translation>会合 {number}（{kind}）: {problem}</translation>
    </message>
    <message>
        <source>Summary point {number} is empty.</source>
        <translation>要点 {number} が空です。</translation>
    </message>
    <message>
        <source>Photo {number}: {problem}</source>
        <translation>写真 {number}: {problem}</translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <source>in person</source>
        <extracomment>``translate(context, text)`` for strings outside a QObject: Qt&apos;s own ``QCoreApplication.translate`` under the short name lupdate also reads.</extracomment>
        <translation>対面</translation>
    </message>
    <message>
        <source>telephone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>video</source>
        <translation>テレビ会議</translation>
    </message>
    <message>
        <source>other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>ParticipantsSection</name>
    <message>
        <source>Who</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Add &amp;participant</source>
        <translation>参加者を追加(&amp;P)</translation>
    </message>
    <message>
        <source>Honorific</source>
        <translation>敬称</translation>
    </message>
    <message>
        <source>as printed: Mr., H.E. Ms.</source>
        <translation>記載どおり: Mr.、H.E. Ms.</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>e.g. HAYASHI (type to find people in the archive)</source>
        <translation>例: HAYASHI（入力するとアーカイブ内の人物を検索します）</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>e.g. Yoshimasa</source>
        <translation>例: Yoshimasa</translation>
    </message>
    <message>
        <source>Name as printed in its own script</source>
        <translation>原語の文字で記載された氏名</translation>
    </message>
    <message>
        <source>as printed, e.g. 林芳正</source>
        <translation>記載どおり、例: 林芳正</translation>
    </message>
    <message>
        <source>Family name first (HAYASHI Yoshimasa)</source>
        <translation>姓を先に書く (HAYASHI Yoshimasa)</translation>
    </message>
    <message>
        <source>Family name printed first</source>
        <translation>姓を先に記載</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>e.g. Minister for Foreign Affairs</source>
        <translation>例: Minister for Foreign Affairs</translation>
    </message>
    <message>
        <source>Office as printed in Japanese</source>
        <translation>役職（日本語の表記）</translation>
    </message>
    <message>
        <source>as printed, e.g. 外務大臣</source>
        <translation>記載のとおり（例: 外務大臣）</translation>
    </message>
    <message>
        <source>Participant&apos;s country</source>
        <translation>参加者の国</translation>
    </message>
    <message>
        <source>e.g. Japan</source>
        <translation>例: Japan</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属組織</translation>
    </message>
    <message>
        <source>if not a government</source>
        <translation>政府以外の場合</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>立場</translation>
    </message>
    <message>
        <source>e.g. host, guest</source>
        <translation>例: host、guest</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>氏名:</translation>
    </message>
    <message>
        <source>In its script:</source>
        <translation>原語表記:</translation>
    </message>
    <message>
        <source>O&amp;ffice:</source>
        <translation>役職(&amp;F):</translation>
    </message>
    <message>
        <source>In Japanese:</source>
        <translation>日本語表記:</translation>
    </message>
    <message>
        <source>Country / org. / side:</source>
        <translation>国 / 組織 / 立場:</translation>
    </message>
    <message>
        <source>Offices held before: {offices}</source>
        <translation>以前の役職: {offices}</translation>
    </message>
    <message>
        <source>The office held at the time of the meeting</source>
        <translation>会談時点の役職</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <source>The page could not be read ({kind}: {exc}).</source>
        <translation>ページを読み取れませんでした（{kind}: {exc}）。</translation>
    </message>
    <message>
        <source>The text could not be read ({kind}: {exc}).</source>
        <translation>テキストを読み取れませんでした（{kind}: {exc}）。</translation>
    </message>
    <message>
        <source>draft from text</source>
        <translation>テキストからの下書き</translation>
    </message>
    <message>
        <source>Printed time disagrees with the time-zone rules: {message}.</source>
        <translation>併記時刻がタイムゾーンの規則と合いません: {message}。</translation>
    </message>
    <message>
        <source>The printed times agree with the time-zone rules.</source>
        <translation>併記時刻はタイムゾーンの規則と合っています。</translation>
    </message>
    <message>
        <source>Draft read from the text: check each field before saving.</source>
        <translation>テキストから読み取った下書きです。保存する前に各項目を確認してください。</translation>
    </message>
    <message>
        <source>New from &amp;Text…</source>
        <translation>テキストから新規作成(&amp;T)…</translation>
    </message>
    <message>
        <source>Paste a published readout and review the draft read from it (Ctrl+Shift+V); you can also drop text or a .txt/.html file here</source>
        <translation>公表された会談記録を貼り付け、読み取った下書きを確認します (Ctrl+Shift+V)。テキストや .txt/.html ファイルをここにドロップしても読み取れます</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>New Readout from Text</source>
        <translation>テキストから会談記録を新規作成</translation>
    </message>
    <message>
        <source>New readout from text</source>
        <translation>テキストからの会談記録の新規作成</translation>
    </message>
    <message>
        <source>Paste the text of a published readout (or a web page&apos;s HTML). The draft opens in the editor for you to check; nothing is saved until you save it.</source>
        <translation>公表された会談記録の本文（または Web ページの HTML）を貼り付けてください。下書きがエディターで開くので確認してください。保存するまで何も保存されません。</translation>
    </message>
    <message>
        <source>Readout text</source>
        <translation>会談記録の本文</translation>
    </message>
    <message>
        <source>Paste the readout here (Ctrl+V)</source>
        <translation>ここに会談記録を貼り付けます (Ctrl+V)</translation>
    </message>
    <message>
        <source>&amp;Read Text</source>
        <translation>テキストを読み取る(&amp;R)</translation>
    </message>
    <message>
        <source>Read the text into a draft (Ctrl+Enter)</source>
        <translation>テキストを読み取って下書きを作ります (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Paste the text of a readout first.</source>
        <translation>先に会談記録の本文を貼り付けてください。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み取り中…</translation>
    </message>
</context>
<context>
    <name>PhotoSaving</name>
    <message>
        <source>The image {source} could not be copied into the archive: {reason}.</source>
        <translation>画像 {source} をアーカイブにコピーできませんでした: {reason}。</translation>
    </message>
    <message>
        <source>This archive has no folder for images (it is kept in memory); remove the image files.</source>
        <translation>このアーカイブには画像用のフォルダーがありません（メモリー上のアーカイブです）。画像ファイルを取り除いてください。</translation>
    </message>
</context>
<context>
    <name>PhotosSection</name>
    <message>
        <source>Photos</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>画像を追加…</translation>
    </message>
    <message>
        <source>Add image files</source>
        <translation>画像ファイルを追加します</translation>
    </message>
    <message>
        <source>Add caption only</source>
        <translation>説明のみ追加</translation>
    </message>
    <message>
        <source>Add a caption for a photo that is not at hand</source>
        <translation>手元にない写真の説明を追加します</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected photo (Delete)</source>
        <translation>選択した写真を削除します (Delete)</translation>
    </message>
    <message>
        <source>Photo caption</source>
        <translation>写真の説明</translation>
    </message>
    <message>
        <source>what the photo shows, as captioned</source>
        <translation>写真の内容（説明文のとおり）</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>説明:</translation>
    </message>
    <message>
        <source>This archive has no folder for images (it is kept in memory)</source>
        <translation>このアーカイブには画像用のフォルダーがありません（メモリー上のアーカイブです）</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>（説明なし）</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>写真の追加</translation>
    </message>
</context>
<context>
    <name>PointList</name>
    <message>
        <source>Summary points</source>
        <translation>要点</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Find a time zone</source>
        <translation>タイムゾーンを検索</translation>
    </message>
    <message>
        <source>Type to find a zone: Tokyo, Lima, Europe/…</source>
        <translation>入力してタイムゾーンを検索: Tokyo、Lima、Europe/…</translation>
    </message>
    <message>
        <source>Filter the list of time zones</source>
        <translation>タイムゾーンの一覧を絞り込みます</translation>
    </message>
    <message>
        <source>Home time zone</source>
        <translation>自分のタイムゾーン</translation>
    </message>
    <message>
        <source>Times in readouts are also shown in this zone</source>
        <translation>会談記録の時刻をこのタイムゾーンでも表示します</translation>
    </message>
    <message>
        <source>The zone that is chosen now, with its offset</source>
        <translation>現在選んでいるタイムゾーンと時差</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>日付の形式</translation>
    </message>
    <message>
        <source>How dates are shown in the results and the readout</source>
        <translation>検索結果と会談記録での日付の表示形式</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>文字サイズ</translation>
    </message>
    <message>
        <source>Text size of the results and the readout, in points</source>
        <translation>検索結果と会談記録の文字サイズ（ポイント）</translation>
    </message>
    <message>
        <source>Use and keep these choices</source>
        <translation>この設定を使い、保存します</translation>
    </message>
    <message>
        <source>Close without changes</source>
        <translation>変更せずに閉じます</translation>
    </message>
    <message>
        <source>Home time zone:</source>
        <translation>自分のタイムゾーン:</translation>
    </message>
    <message>
        <source>Date format:</source>
        <translation>日付の形式:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>文字サイズ:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>表示言語:</translation>
    </message>
    <message>
        <source>Chosen: {zone}</source>
        <translation>選択中: {zone}</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Progress</source>
        <extracomment>Parts of a step the bar can show.</extracomment>
        <translation>進行状況</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Stop after the current file; nothing half-done is kept</source>
        <translation>現在のファイルの後で中止します。途中までの処理は残りません</translation>
    </message>
    <message>
        <source>{done} of {total}: {label}</source>
        <translation>{total} 件中 {done} 件目: {label}</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>現在の手順の後で中止しています…</translation>
    </message>
</context>
<context>
    <name>ReadoutEditor</name>
    <message>
        <source>Readout editor</source>
        <extracomment>The window told about saves (``None`` when opened on its own).</extracomment>
        <translation>会談記録エディター</translation>
    </message>
    <message>
        <source>Problems that stop saving</source>
        <translation>保存できない原因</translation>
    </message>
    <message>
        <source>Source text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>エディター</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the readout (Ctrl+S)</source>
        <translation>会談記録を保存します (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>履歴(&amp;H)…</translation>
    </message>
    <message>
        <source>Earlier versions of this readout (Ctrl+Shift+H)</source>
        <translation>この会談記録の以前のバージョン (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Readout</source>
        <translation>会談記録(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <source>%n problem stops saving:</source>
        <translation>
            <numerusform>次の %n 件の問題のため保存できません:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems stop saving:</source>
        <translation>
            <numerusform>次の %n 件の問題のため保存できません:</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit readout — {name}[*] — Readout Desk</source>
        <translation>会談記録の編集 — {name}[*] — Readout Desk</translation>
    </message>
    <message>
        <source>New readout — {name}[*] — Readout Desk</source>
        <translation>会談記録の新規作成 — {name}[*] — Readout Desk</translation>
    </message>
    <message>
        <source>Edit readout[*] — Readout Desk</source>
        <translation>会談記録の編集[*] — Readout Desk</translation>
    </message>
    <message>
        <source>New readout[*] — Readout Desk</source>
        <translation>会談記録の新規作成[*] — Readout Desk</translation>
    </message>
    <message>
        <source>Not saved: correct the problems listed at the top.</source>
        <translation>保存されていません: 上に表示された問題を修正してください。</translation>
    </message>
    <message>
        <source>Looking for the same meeting in the archive…</source>
        <translation>アーカイブに同じ会談がないか確認中…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Saved (version {version}).</source>
        <translation>保存しました（バージョン {version}）。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>保存されていません。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>The readout was not saved: {exc}</source>
        <translation>会談記録は保存されませんでした: {exc}</translation>
    </message>
    <message>
        <source>Not saved: the readout was saved elsewhere.</source>
        <translation>保存されていません: 会談記録が他の場所で保存されました。</translation>
    </message>
    <message>
        <source>Restored; now version {version}.</source>
        <translation>復元しました。現在のバージョンは {version} です。</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Checking the archive…</source>
        <translation>アーカイブを検査中…</translation>
    </message>
    <message>
        <source>The archive passes the integrity check.</source>
        <translation>アーカイブは整合性検査に合格しました。</translation>
    </message>
    <message>
        <source>The archive is damaged:</source>
        <translation>アーカイブが破損しています:</translation>
    </message>
    <message>
        <source>The latest good backup is {label}; restore it from File &gt; Backups and Restore.</source>
        <translation>最新の正常なバックアップは {label} です。[ファイル] &gt; [バックアップと復元] から復元してください。</translation>
    </message>
    <message>
        <source>Check archive</source>
        <translation>アーカイブの検査</translation>
    </message>
    <message>
        <source>Saved changes are missing</source>
        <translation>保存済みの変更が見つかりません</translation>
    </message>
    <message>
        <source>The archive is damaged</source>
        <translation>アーカイブが破損しています</translation>
    </message>
    <message>
        <source>&amp;Restore Latest Good Backup</source>
        <translation>最新の正常なバックアップを復元(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep It as It Is</source>
        <translation>このままにする(&amp;K)</translation>
    </message>
    <message>
        <source>Start an &amp;Empty Archive</source>
        <translation>空のアーカイブで始める(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>The archive was damaged and has been restored from the backup of {created} UTC. The damaged file was kept as {copy}.</source>
        <translation>アーカイブが破損していたため、{created} UTC のバックアップから復元しました。破損したファイルは {copy} として残してあります。</translation>
    </message>
    <message>
        <source>The archive was damaged and has been started empty. The damaged file was kept as {copy}.</source>
        <translation>アーカイブが破損していたため、空のアーカイブで始めました。破損したファイルは {copy} として残してあります。</translation>
    </message>
    <message>
        <source>This archive was opened as it is, although {problem}.</source>
        <translation>このアーカイブはそのまま開きましたが、{problem}。</translation>
    </message>
</context>
<context>
    <name>Reextract</name>
    <message>
        <source>Reading the source again…</source>
        <translation>原文を読み直し中…</translation>
    </message>
    <message>
        <source>The source reads the same as what is stored: nothing to compare.</source>
        <translation>原文の読み取り結果は保存内容と同じです。比較するものはありません。</translation>
    </message>
    <message>
        <source>The source could not be read again: {exc}</source>
        <translation>原文を読み直せませんでした: {exc}</translation>
    </message>
    <message>
        <source>Read the Source Again</source>
        <translation>原文の読み直し</translation>
    </message>
    <message>
        <source>The new values were not saved: {exc}</source>
        <translation>新しい値は保存されていません: {exc}</translation>
    </message>
    <message>
        <source>Saved the chosen fields of the new reading.</source>
        <translation>新しい読み取り結果のうち、選んだ項目を保存しました。</translation>
    </message>
</context>
<context>
    <name>ReextractDialog</name>
    <message>
        <source>Read the Source Again</source>
        <translation>原文の読み直し</translation>
    </message>
    <message>
        <source>Differences of the new reading</source>
        <translation>新しい読み取り結果との違い</translation>
    </message>
    <message>
        <source>This version reads these fields differently from what is stored. Tick the new values to take; the others stay as they are.</source>
        <translation>このバージョンでは、次の項目が保存内容と異なって読み取られます。採用する新しい値にチェックを付けてください。それ以外はそのままです。</translation>
    </message>
    <message>
        <source>Fields read differently</source>
        <translation>読み取り結果が異なる項目</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>保存内容</translation>
    </message>
    <message>
        <source>New reading (tick to take)</source>
        <translation>新しい読み取り結果（チェックして採用）</translation>
    </message>
    <message>
        <source>&amp;Take Chosen</source>
        <translation>選んだものを採用(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Drag an edge to resize a column</source>
        <translation>境界をドラッグすると列の幅を変えられます</translation>
    </message>
</context>
<context>
    <name>RelationsDialog</name>
    <message>
        <source>Relations</source>
        <extracomment>The most readouts one relation page lists.</extracomment>
        <translation>関係</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Finding the countries in the archive…</source>
        <translation>アーカイブ内の国を検索中…</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <source>A country of the relation</source>
        <translation>関係の一方の国</translation>
    </message>
    <message>
        <source>Counterpart country</source>
        <translation>相手国</translation>
    </message>
    <message>
        <source>The other country, or any</source>
        <translation>もう一方の国（任意の国も可）</translation>
    </message>
    <message>
        <source>any country</source>
        <translation>任意の国</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Readouts of this relation, oldest first; double-click to show one</source>
        <translation>この関係の会談記録（古い順）。ダブルクリックで表示します</translation>
    </message>
    <message>
        <source>and</source>
        <translation>と</translation>
    </message>
    <message>
        <source>No readout names a country yet.</source>
        <translation>国が記載された会談記録はまだありません。</translation>
    </message>
    <message numerus="yes">
        <source>{relation} — {count} readout</source>
        <translation>
            <numerusform>{relation} — 会談記録 {count} 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{relation} — {count} readouts</source>
        <translation>
            <numerusform>{relation} — 会談記録 {count} 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>人物を検索</translation>
    </message>
    <message>
        <source>Find a person by family or given name</source>
        <translation>姓または名で人物を検索します</translation>
    </message>
    <message>
        <source>Type the start of a family or given name</source>
        <translation>姓または名の先頭を入力してください</translation>
    </message>
    <message>
        <source>People in the archive; choose one to see their readouts</source>
        <translation>アーカイブ内の人物。選ぶとその人物の会談記録を表示します</translation>
    </message>
    <message>
        <source>Offices held, newest first, with the last meeting in each</source>
        <translation>就いた役職（新しい順）と、各役職での最後の会談</translation>
    </message>
    <message>
        <source>Office then</source>
        <translation>当時の役職</translation>
    </message>
    <message>
        <source>The person&apos;s readouts, oldest first; double-click to show one</source>
        <translation>この人物の会談記録（古い順）。ダブルクリックで表示します</translation>
    </message>
    <message>
        <source>{office} (last {day})</source>
        <translation>{office}（最後: {day}）</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>日付なし</translation>
    </message>
    <message>
        <source>No office recorded.</source>
        <translation>役職の記録はありません。</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Date</source>
        <extracomment>Rows of a page: the first page is what the table shows at once (a tall window shows about 50), and more come as the table is scrolled (:meth:`ResultsModel.fetchMore`). A page&apos;s rows and snippets cost in proportion to its size: at a million readouts a page of 200 took 27 ms for a word in most readouts where 100 took 19. Sort key meaning &quot;most relevant first&quot; (the index&apos;s ranking), or newest first without words.</extracomment>
        <translation>日付</translation>
    </message>
    <message>
        <source>Date of the meeting</source>
        <translation>会談の日付</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>Title of the readout</source>
        <translation>会談記録の表題</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>一致箇所</translation>
    </message>
    <message>
        <source>Where the search words were found</source>
        <translation>検索語が見つかった箇所</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>関係国</translation>
    </message>
    <message>
        <source>Countries involved (the section it is filed under)</source>
        <translation>関係国（分類先）</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Where the meeting took place</source>
        <translation>会談の開催地</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>In person, by telephone or by video</source>
        <translation>対面、電話、テレビ会議</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>Number of sessions and their total duration</source>
        <translation>会合の数と合計時間</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>発表元</translation>
    </message>
    <message>
        <source>Who published the readout</source>
        <translation>会談記録の発表元</translation>
    </message>
    <message>
        <source>{count} readout · {ms} ms</source>
        <translation>会談記録 {count} 件 · {ms} ms</translation>
    </message>
    <message>
        <source>{count} readouts · {ms} ms</source>
        <translation>会談記録 {count} 件 · {ms} ms</translation>
    </message>
    <message>
        <source>{title} (sample)</source>
        <translation>{title}（サンプル）</translation>
    </message>
    <message>
        <source>{tip} (click to sort)</source>
        <extracomment>Asks for the page starting at the given offset, delivered to :meth:`add_page`. Each row&apos;s texts as its page came, all but the snippet&apos;s (:class:`ShownPage`).</extracomment>
        <translation>{tip}（クリックで並べ替え）</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Search results</source>
        <extracomment>Load the next page when the cursor comes this close to the last loaded row.</extracomment>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Readouts matching the search. Arrow keys move; Enter opens the readout.</source>
        <translation>検索に一致する会談記録。矢印キーで移動し、Enter で会談記録を開きます。</translation>
    </message>
    <message>
        <source>Result columns</source>
        <translation>結果の列</translation>
    </message>
    <message>
        <source>Click to sort; drag to reorder; right-click to show or hide columns</source>
        <translation>クリックで並べ替え、ドラッグで列の順序を変更、右クリックで列の表示・非表示</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <source>Participants</source>
        <extracomment>What a table&apos;s parts say, by what its rows are: the rows, Add, its tip, the tips of Remove, Up and Down, and the spoken names of Remove, Up and Down.</extracomment>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>参加者を追加</translation>
    </message>
    <message>
        <source>Add a participant (Insert)</source>
        <translation>参加者を追加します (Insert)</translation>
    </message>
    <message>
        <source>Remove the selected participant (Delete)</source>
        <translation>選択した参加者を削除します (Delete)</translation>
    </message>
    <message>
        <source>Move the participant up (Alt+Up)</source>
        <translation>参加者を上へ移動します (Alt+Up)</translation>
    </message>
    <message>
        <source>Move the participant down (Alt+Down)</source>
        <translation>参加者を下へ移動します (Alt+Down)</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>参加者を削除</translation>
    </message>
    <message>
        <source>Move Participant up</source>
        <translation>参加者を上へ移動</translation>
    </message>
    <message>
        <source>Move Participant down</source>
        <translation>参加者を下へ移動</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>会合を追加</translation>
    </message>
    <message>
        <source>Add a session (Insert)</source>
        <translation>会合を追加します (Insert)</translation>
    </message>
    <message>
        <source>Remove the selected session (Delete)</source>
        <translation>選択した会合を削除します (Delete)</translation>
    </message>
    <message>
        <source>Move the session up (Alt+Up)</source>
        <translation>会合を上へ移動します (Alt+Up)</translation>
    </message>
    <message>
        <source>Move the session down (Alt+Down)</source>
        <translation>会合を下へ移動します (Alt+Down)</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>会合を削除</translation>
    </message>
    <message>
        <source>Move Session up</source>
        <translation>会合を上へ移動</translation>
    </message>
    <message>
        <source>Move Session down</source>
        <translation>会合を下へ移動</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Name as printed</source>
        <translation>記載どおりの氏名</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>立場</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Start (local)</source>
        <translation>開始（現地）</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Timing as shown</source>
        <translation>表示される時刻</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search the archive. Words must all match; &quot;exact phrase&quot;, prefix*, a OR b, -word; filters: country:peru person:hayashi topic:cptpp place:lima mode:telephone year:2023 from:2023-01 to:2023-06; a whole topic or person: topic=&quot;Indo-Pacific&quot; person=&quot;ONO Haruka&quot;. Esc clears.</source>
        <translation>アーカイブを検索します。語はすべて一致する必要があります。&quot;完全一致の語句&quot;、前方一致*、a OR b、-除外語。絞り込み: country:peru person:hayashi topic:cptpp place:lima mode:telephone year:2023 from:2023-01 to:2023-06。トピックや人物の名前全体で絞り込むには topic=&quot;Indo-Pacific&quot; person=&quot;ONO Haruka&quot;。Esc でクリアします。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search readouts  (Ctrl+F)</source>
        <translation>会談記録を検索  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search hint</source>
        <translation>検索のヒント</translation>
    </message>
    <message>
        <source>How the query was read</source>
        <translation>検索語の解釈</translation>
    </message>
</context>
<context>
    <name>SessionsSection</name>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 時間</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>&amp;Add session</source>
        <translation>会合を追加(&amp;A)</translation>
    </message>
    <message>
        <source>Kind of session</source>
        <translation>会合の種類</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>会合の日付</translation>
    </message>
    <message>
        <source>the meeting date</source>
        <translation>会談日</translation>
    </message>
    <message>
        <source>Local start time</source>
        <translation>現地の開始時刻</translation>
    </message>
    <message>
        <source>e.g. 9:10, 9:10 a.m. or 午前9時10分</source>
        <translation>例: 9:10、9:10 a.m.、午前9時10分</translation>
    </message>
    <message>
        <source>Time hedge</source>
        <translation>時刻の概数表現</translation>
    </message>
    <message>
        <source>(as stated)</source>
        <translation>（記載どおり）</translation>
    </message>
    <message>
        <source>Time zone the time was stated in</source>
        <translation>時刻が記載されたタイムゾーン</translation>
    </message>
    <message>
        <source>Zone as printed</source>
        <translation>記載されたタイムゾーン名</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>現地時間</translation>
    </message>
    <message>
        <source>Duration hours</source>
        <translation>所要時間（時間）</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Duration minutes</source>
        <translation>所要時間（分）</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Hours, or the whole length as printed (約1時間30分): it is spread over hours, minutes and the hedge</source>
        <translation>時間、または記載どおりの長さ全体（約1時間30分）。時間・分・概数表現に振り分けます</translation>
    </message>
    <message>
        <source>Duration hedge</source>
        <translation>所要時間の概数表現</translation>
    </message>
    <message>
        <source>Printed second time</source>
        <translation>併記時刻</translation>
    </message>
    <message>
        <source>as printed, e.g. 11:10 p.m. on May 3 JST</source>
        <translation>記載どおり、例: 11:10 p.m. on May 3 JST</translation>
    </message>
    <message>
        <source>Time zone of the printed second time</source>
        <translation>併記時刻のタイムゾーン</translation>
    </message>
    <message>
        <source>Use the last valid time before the gap</source>
        <translation>空白期間の直前の有効な時刻を使います</translation>
    </message>
    <message>
        <source>Use the first valid time after the gap</source>
        <translation>空白期間の直後の有効な時刻を使います</translation>
    </message>
    <message>
        <source>Which of the two times is meant</source>
        <translation>2つの時刻のどちらを指すか</translation>
    </message>
    <message>
        <source>Which one is meant?</source>
        <translation>どちらの時刻ですか?</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>種類:</translation>
    </message>
    <message>
        <source>&amp;Local start:</source>
        <translation>現地の開始(&amp;L):</translation>
    </message>
    <message>
        <source>Stated in zone:</source>
        <translation>記載のタイムゾーン:</translation>
    </message>
    <message>
        <source>printed as</source>
        <translation>表記</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>所要時間(&amp;U):</translation>
    </message>
    <message>
        <source>h</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Pri&amp;nted second time:</source>
        <translation>併記時刻(&amp;N):</translation>
    </message>
    <message>
        <source>Timing as the detail pane will show it</source>
        <translation>詳細ペインでの時刻の表示</translation>
    </message>
    <message>
        <source>Preview (home zone {zone}):</source>
        <translation>プレビュー（自分のタイムゾーン: {zone}）:</translation>
    </message>
    <message>
        <source>Enter: {proposal}</source>
        <translation>Enter: {proposal}</translation>
    </message>
    <message>
        <source>Use {clock}</source>
        <translation>{clock} を使う</translation>
    </message>
    <message>
        <source>The first: {clock} {offset}</source>
        <translation>1回目: {clock} {offset}</translation>
    </message>
    <message>
        <source>The second: {clock} {offset}</source>
        <translation>2回目: {clock} {offset}</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>会合はまだありません。</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Readout Desk</source>
        <extracomment>The most a message may hold; anything longer is not one of ours. How long a later launch waits for the instance owning the archive to listen (it listens once its window has painted; a start on a loaded machine takes seconds). Between two tries to reach an owner that does not listen yet. How long a launch whose request went unanswered waits for the owner&apos;s lock to come free (an owner that was closing) before saying the owner is busy.</extracomment>
        <translation>Readout Desk</translation>
    </message>
    <message>
        <source>Readout Desk is already open on this archive but is not answering right now (it may be busy). Wait a moment and switch to its window, or close it first.</source>
        <translation>このアーカイブは既に Readout Desk で開かれていますが、現在応答がありません（処理中の可能性があります）。しばらく待ってからそのウィンドウに切り替えるか、先にそちらを閉じてください。</translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message>
        <source>Pasted text</source>
        <translation>貼り付けたテキスト</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Web ページ</translation>
    </message>
    <message>
        <source>Read &amp;Again…</source>
        <translation>読み直す(&amp;A)…</translation>
    </message>
    <message>
        <source>Read the kept source again with this version&apos;s extractor and choose, field by field, what to take</source>
        <translation>保存してある原文をこのバージョンの読み取り機能で読み直し、項目ごとに採用するものを選びます</translation>
    </message>
    <message>
        <source>This readout keeps no source: it was typed in or imported without one.</source>
        <translation>この会談記録には原文がありません。手入力されたか、原文なしでインポートされました。</translation>
    </message>
    <message>
        <source>retrieved {date} {time} UTC</source>
        <translation>{date} {time} UTC に取得</translation>
    </message>
</context>
<context>
    <name>SourceSection</name>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>発表元</translation>
    </message>
    <message>
        <source>e.g. Ministry of Foreign Affairs of Japan</source>
        <translation>例: Ministry of Foreign Affairs of Japan</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>出典アドレス</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>anything worth keeping</source>
        <translation>残しておきたいこと</translation>
    </message>
    <message>
        <source>Publis&amp;her:</source>
        <translation>発表元(&amp;H):</translation>
    </message>
    <message>
        <source>Source URL:</source>
        <translation>出典 URL:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>メモ:</translation>
    </message>
</context>
<context>
    <name>SourceText</name>
    <message>
        <source>Source text</source>
        <translation>原文</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <source>Readout</source>
        <translation>会談記録</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>What the readout was read from, with the fields&apos; words marked</source>
        <translation>会談記録の読み取り元。各項目の語句に印を付けています</translation>
    </message>
</context>
<context>
    <name>SummarySection</name>
    <message>
        <source>point</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>sub-point</source>
        <translation>小項目</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Lead paragraph</source>
        <translation>冒頭段落</translation>
    </message>
    <message>
        <source>The opening paragraph: who met whom, when and where</source>
        <translation>冒頭の段落: 誰が誰と、いつ、どこで会ったか</translation>
    </message>
    <message>
        <source>A&amp;dd point</source>
        <translation>要点を追加(&amp;D)</translation>
    </message>
    <message>
        <source>Add a summary point (Insert)</source>
        <translation>要点を追加します (Insert)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected point (Delete)</source>
        <translation>選択した要点を削除します (Delete)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move the point up (Alt+Up)</source>
        <translation>要点を上へ移動します (Alt+Up)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Move the point down (Alt+Down)</source>
        <translation>要点を下へ移動します (Alt+Down)</translation>
    </message>
    <message>
        <source>Point text</source>
        <translation>要点の本文</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>発言内容</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>発言者</translation>
    </message>
    <message>
        <source>optional, e.g. Minister Hayashi</source>
        <translation>任意、例: Minister Hayashi</translation>
    </message>
    <message>
        <source>Point or sub-point</source>
        <translation>要点か小項目か</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>本文(&amp;X):</translation>
    </message>
    <message>
        <source>Spea&amp;ker:</source>
        <translation>発言者(&amp;K):</translation>
    </message>
</context>
<context>
    <name>TeamArchive</name>
    <message>
        <source>Connected to {location}; password from {source}.</source>
        <extracomment>The windows opened on team archives, kept alive until closed.</extracomment>
        <translation>{location} に接続しました（パスワード: {source}）。</translation>
    </message>
    <message>
        <source>&amp;Open Team Archive…</source>
        <translation>チームアーカイブを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an archive kept on a PostgreSQL server for the whole division</source>
        <translation>課全体で使う PostgreSQL サーバー上のアーカイブを開きます</translation>
    </message>
    <message>
        <source>Your database user may add and change readouts in this team archive, but not move them to the trash or delete them.</source>
        <translation>このチームアーカイブでは、お使いのデータベースユーザーは会談記録の追加と変更はできますが、ごみ箱への移動や削除はできません。</translation>
    </message>
    <message>
        <source>This readout was changed on the server; saving will show both versions if they differ.</source>
        <translation>この会談記録はサーバー上で変更されました。保存するときに内容が異なれば、両方のバージョンを表示します。</translation>
    </message>
</context>
<context>
    <name>TeamArchiveDialog</name>
    <message>
        <source>Open Team Archive</source>
        <extracomment>The settings key of the recent team archives (URLs without passwords), newest first.</extracomment>
        <translation>チームアーカイブを開く</translation>
    </message>
    <message>
        <source>Recent team archives</source>
        <translation>最近使ったチームアーカイブ</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>（新しい接続）</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>The server&apos;s name, or the folder of its Unix socket</source>
        <translation>サーバー名、または Unix ソケットのフォルダー</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Leave empty to use PGPASSWORD, ~/.pgpass or a service file</source>
        <translation>空欄にすると PGPASSWORD、~/.pgpass、またはサービスファイルを使います</translation>
    </message>
    <message>
        <source>from ~/.pgpass, a service file or PGPASSWORD</source>
        <translation>~/.pgpass、サービスファイル、または PGPASSWORD から</translation>
    </message>
    <message>
        <source>Keep the password in the system &amp;keyring</source>
        <translation>パスワードをシステムのキーリングに保存(&amp;K)</translation>
    </message>
    <message>
        <source>Install Readout Desk&apos;s &apos;keyring&apos; extra to use it</source>
        <translation>使うには Readout Desk の &apos;keyring&apos; 追加機能をインストールしてください</translation>
    </message>
    <message>
        <source>Where the password comes from</source>
        <translation>パスワードの取得元</translation>
    </message>
    <message>
        <source>Why it did not open</source>
        <translation>開けなかった理由</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>最近使ったもの(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>ホスト(&amp;H):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>ポート(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>データベース(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Password from:</source>
        <translation>パスワードの取得元:</translation>
    </message>
    <message>
        <source>typed here (kept until Readout Desk ends)</source>
        <translation>ここで入力（Readout Desk の終了まで保持）</translation>
    </message>
    <message>
        <source>typed here, and kept in the system keyring</source>
        <translation>ここで入力し、システムのキーリングに保存</translation>
    </message>
    <message>
        <source>Name the database the team archive is kept in.</source>
        <translation>チームアーカイブがあるデータベースの名前を入力してください。</translation>
    </message>
</context>
<context>
    <name>TeamStartup</name>
    <message>
        <source>Team archive unreachable</source>
        <translation>チームアーカイブに接続できません</translation>
    </message>
    <message>
        <source>Try again once the server is back, or work in the archive on this computer for now.</source>
        <translation>サーバーが復旧したらもう一度お試しください。それまではこのコンピューター上のアーカイブで作業できます。</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Local Archive</source>
        <translation>ローカルのアーカイブを開く(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>TimingCheck</name>
    <message>
        <source>Check &amp;Timings…</source>
        <translation>時刻を検査(&amp;T)…</translation>
    </message>
    <message>
        <source>List every session whose printed time disagrees with the time-zone rules</source>
        <translation>併記時刻がタイムゾーンの規則と合わない会合をすべて一覧にします</translation>
    </message>
</context>
<context>
    <name>TimingCheckDialog</name>
    <message>
        <source>Check Timings</source>
        <translation>時刻の検査</translation>
    </message>
    <message>
        <source>Sessions whose printed time disagrees with the time-zone rules</source>
        <translation>併記時刻がタイムゾーンの規則と合わない会合</translation>
    </message>
    <message>
        <source>Checking the printed times…</source>
        <translation>併記時刻を検査中…</translation>
    </message>
    <message>
        <source>Flagged sessions</source>
        <translation>指摘のある会合</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Readout</source>
        <translation>会談記録</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>What disagrees</source>
        <translation>合わない点</translation>
    </message>
    <message>
        <source>No printed time disagrees with the time-zone rules.</source>
        <translation>タイムゾーンの規則と合わない併記時刻はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n session with a printed time that disagrees with the time-zone rules. The printed times are kept as printed; press Enter on a row to show its readout.</source>
        <translation>
            <numerusform>併記時刻がタイムゾーンの規則と合わない会合が %n 件あります。併記時刻は記載どおりに保存しています。行で Enter を押すとその会談記録を表示します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions with a printed time that disagrees with the time-zone rules. The printed times are kept as printed; press Enter on a row to show its readout.</source>
        <translation>
            <numerusform>併記時刻がタイムゾーンの規則と合わない会合が %n 件あります。併記時刻は記載どおりに保存しています。行で Enter を押すとその会談記録を表示します。</numerusform>
        </translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（表題なし）</translation>
    </message>
    <message>
        <source>The timings could not be checked: {exc}</source>
        <translation>時刻を検査できませんでした: {exc}</translation>
    </message>
</context>
<context>
    <name>TopicsSection</name>
    <message>
        <source>Topics</source>
        <translation>トピック</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>新しいトピック</translation>
    </message>
    <message>
        <source>type a topic and press Enter, e.g. CPTPP</source>
        <translation>トピックを入力して Enter、例: CPTPP</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Add the topic typed (Enter)</source>
        <translation>入力したトピックを追加します (Enter)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected topic (Delete)</source>
        <translation>選択したトピックを削除します (Delete)</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>&amp;Import…</source>
        <extracomment>The dialogs, loaded on first use: start-up needs only the recovery from this package (the drafts&apos; review loads extraction, import and export load the exchange formats).</extracomment>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Import readouts from JSON, CSV, text or HTML files</source>
        <translation>JSON、CSV、テキスト、HTML ファイルから会談記録をインポートします</translation>
    </message>
    <message>
        <source>Review &amp;Drafts…</source>
        <translation>下書きを確認(&amp;D)…</translation>
    </message>
    <message>
        <source>Drafts extracted from imported text files, waiting for review</source>
        <translation>インポートしたテキストファイルから作った、確認待ちの下書き</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the archive, the current search or the selection</source>
        <translation>アーカイブ全体、現在の検索、または選択範囲をエクスポートします</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>Copy the archive and its photos into a new backup</source>
        <translation>アーカイブと写真を新しいバックアップにコピーします</translation>
    </message>
    <message>
        <source>Backups and &amp;Restore…</source>
        <translation>バックアップと復元(&amp;R)…</translation>
    </message>
    <message>
        <source>See the backups, preview one and restore it</source>
        <translation>バックアップを一覧し、内容を確認して復元します</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>ごみ箱へ移動(&amp;T)</translation>
    </message>
    <message>
        <source>Move the selected readouts to the trash (Delete)</source>
        <translation>選択した会談記録をごみ箱へ移動します (Delete)</translation>
    </message>
    <message>
        <source>T&amp;rash…</source>
        <translation>ごみ箱(&amp;R)…</translation>
    </message>
    <message>
        <source>Readouts moved to the trash: restore them or delete them for good</source>
        <translation>ごみ箱へ移動した会談記録。元に戻すか、完全に削除します</translation>
    </message>
    <message>
        <source>&amp;Check Archive</source>
        <translation>アーカイブを検査(&amp;C)</translation>
    </message>
    <message>
        <source>Check the archive file for damage</source>
        <translation>アーカイブファイルに破損がないか検査します</translation>
    </message>
    <message>
        <source>Backup &amp;Settings…</source>
        <translation>バックアップ設定(&amp;S)…</translation>
    </message>
    <message>
        <source>How often backups are made and how many are kept</source>
        <translation>バックアップを作る頻度と保持する数</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>Trash</name>
    <message>
        <source>The archive is open read-only, so nothing can be moved to the trash.</source>
        <translation>アーカイブは読み取り専用で開かれているため、ごみ箱へ移動できません。</translation>
    </message>
    <message>
        <source>Moved %n readout to the trash (Ctrl+Z puts it back; Edit &gt; Trash lists the trash).</source>
        <translation>会談記録 %n 件をごみ箱へ移動しました（Ctrl+Z で元に戻せます。[編集] &gt; [ごみ箱] で一覧を表示します）。</translation>
    </message>
    <message>
        <source>Moved %n readouts to the trash (Ctrl+Z puts them back; Edit &gt; Trash lists the trash).</source>
        <translation>会談記録 %n 件をごみ箱へ移動しました（Ctrl+Z で元に戻せます。[編集] &gt; [ごみ箱] で一覧を表示します）。</translation>
    </message>
    <message>
        <source>%n readout in the trash matches: add in:trash to see it, or open Edit &gt; Trash.</source>
        <translation>ごみ箱の会談記録 %n 件が一致します。in:trash を加えると表示されます。または [編集] &gt; [ごみ箱] を開いてください。</translation>
    </message>
    <message>
        <source>%n readouts in the trash match: add in:trash to see them, or open Edit &gt; Trash.</source>
        <translation>ごみ箱の会談記録 %n 件が一致します。in:trash を加えると表示されます。または [編集] &gt; [ごみ箱] を開いてください。</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>ごみ箱</translation>
    </message>
    <message>
        <source>Readouts in the trash</source>
        <translation>ごみ箱の会談記録</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会談日</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>Moved to trash</source>
        <translation>ごみ箱へ移動した日時</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Reading the trash…</source>
        <translation>ごみ箱を読み込み中…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <source>Put the selected readouts back in the archive</source>
        <translation>選択した会談記録をアーカイブに戻します</translation>
    </message>
    <message>
        <source>&amp;Delete for Good…</source>
        <translation>完全に削除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>ごみ箱を空にする(&amp;E)…</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（表題なし）</translation>
    </message>
    <message numerus="yes">
        <source>%n readout in the trash. Searches leave them out unless you add in:trash or in:all.</source>
        <translation>
            <numerusform>ごみ箱に会談記録が %n 件あります。検索では in:trash か in:all を加えない限り対象外です。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n readouts in the trash. Searches leave them out unless you add in:trash or in:all.</source>
        <translation>
            <numerusform>ごみ箱に会談記録が %n 件あります。検索では in:trash か in:all を加えない限り対象外です。</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>ごみ箱は空です。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>完全に削除</translation>
    </message>
    <message>
        <source>&amp;Delete for Good</source>
        <translation>完全に削除(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n readout for good? This cannot be undone (backups still hold them).</source>
        <translation>
            <numerusform>会談記録 %n 件を完全に削除しますか? 元に戻せません（バックアップには残っています）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n readouts for good? This cannot be undone (backups still hold them).</source>
        <translation>
            <numerusform>会談記録 %n 件を完全に削除しますか? 元に戻せません（バックアップには残っています）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n readout in the trash for good? This cannot be undone (backups still hold them).</source>
        <translation>
            <numerusform>ごみ箱の会談記録 %n 件を完全に削除しますか? 元に戻せません（バックアップには残っています）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n readouts in the trash for good? This cannot be undone (backups still hold them).</source>
        <translation>
            <numerusform>ごみ箱の会談記録 %n 件をすべて完全に削除しますか? 元に戻せません（バックアップには残っています）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashUndo</name>
    <message>
        <source>&amp;Undo Move to Trash</source>
        <translation>ごみ箱への移動を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Put back the readouts last moved to the trash (Ctrl+Z)</source>
        <translation>最後にごみ箱へ移動した会談記録を元に戻します (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Put back %n readout.</source>
        <translation>会談記録 %n 件を元に戻しました。</translation>
    </message>
    <message>
        <source>Put back %n readouts.</source>
        <translation>会談記録 %n 件を元に戻しました。</translation>
    </message>
</context>
<context>
    <name>WhenWhereSection</name>
    <message>
        <source>When and where</source>
        <translation>日時と場所</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>e.g. Japan-Peru Relations</source>
        <translation>例: Japan-Peru Relations</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会談日</translation>
    </message>
    <message>
        <source>e.g. 2023-05-03, May 3, 2023 or 令和5年5月3日</source>
        <translation>例: 2023-05-03、May 3, 2023、令和5年5月3日</translation>
    </message>
    <message>
        <source>Published date</source>
        <translation>公表日</translation>
    </message>
    <message>
        <source>Enter: the meeting date (or type another)</source>
        <translation>Enter: 会談日（別の日付も入力可）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>e.g. Japan-Peru Foreign Ministers&apos; Meeting</source>
        <translation>例: Japan-Peru Foreign Ministers&apos; Meeting</translation>
    </message>
    <message>
        <source>How the meeting was held</source>
        <translation>会談の形式</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>機会</translation>
    </message>
    <message>
        <source>e.g. United Nations General Assembly</source>
        <translation>例: United Nations General Assembly</translation>
    </message>
    <message>
        <source>Countries involved</source>
        <translation>関係国</translation>
    </message>
    <message>
        <source>e.g. Japan, Peru</source>
        <translation>例: Japan, Peru</translation>
    </message>
    <message>
        <source>City</source>
        <translation>都市</translation>
    </message>
    <message>
        <source>e.g. Lima</source>
        <translation>例: Lima</translation>
    </message>
    <message>
        <source>City as printed in Japanese</source>
        <translation>都市（日本語の表記）</translation>
    </message>
    <message>
        <source>e.g. リマ</source>
        <translation>例: リマ</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <source>e.g. Peru</source>
        <translation>例: Peru</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <source>building or hotel, if printed</source>
        <translation>記載があれば建物やホテル</translation>
    </message>
    <message>
        <source>Time zone of the place</source>
        <translation>開催地のタイムゾーン</translation>
    </message>
    <message>
        <source>&amp;Section:</source>
        <translation>分類(&amp;S):</translation>
    </message>
    <message>
        <source>Meetin&amp;g date:</source>
        <translation>会談日(&amp;G):</translation>
    </message>
    <message>
        <source>Pu&amp;blished:</source>
        <translation>公表日(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>表題(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>形式(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Occasion:</source>
        <translation>機会(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>都市(&amp;C):</translation>
    </message>
    <message>
        <source>in Japanese:</source>
        <translation>日本語表記:</translation>
    </message>
    <message>
        <source>Countr&amp;y:</source>
        <translation>国(&amp;Y):</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>会場(&amp;V):</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>タイムゾーン(&amp;Z):</translation>
    </message>
    <message>
        <source>Countries &amp;involved:</source>
        <translation>関係国(&amp;I):</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>Show or hide the {title} column</source>
        <extracomment>The results table and the reading pane&apos;s first widths, side by side.</extracomment>
        <translation>「{title}」列の表示・非表示を切り替えます</translation>
    </message>
</context>
<context>
    <name>ZonePicker</name>
    <message>
        <source>Type to search, e.g. Lima</source>
        <translation>入力して検索、例: Lima</translation>
    </message>
</context>
</TS>
